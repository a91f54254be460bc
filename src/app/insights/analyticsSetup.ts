import { LEADER_SERVICES } from '../../data/api/leaderApi';
import { analyticsService } from '../../workers/analyticsService';

// The analytics service starts its worker from src/workers, which src/data may not import; the app sees both, so it
// hands the service to the leader tab here, before any workspace opens.
LEADER_SERVICES.push(analyticsService);
