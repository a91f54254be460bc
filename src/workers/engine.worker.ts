import type { BridgePort } from '../data/leaderWorker';
import { serveLeader } from '../data/leaderWorker';
import { analyticsService } from './analyticsService';

// The workspace's leader in its own thread, with background analytics (whose worker it starts from here).
serveLeader(self as unknown as BridgePort, [analyticsService]);
