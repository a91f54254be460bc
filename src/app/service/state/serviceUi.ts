import { create } from 'zustand';
import type { Priority } from '../../../domain/service';
import type { TICKET_STATUSES } from '../../../domain/work';

// UI state only: the ticket queue's filters and the tasks view, kept while the user moves between pages.

export type TicketStatusFilter = 'active' | 'all' | (typeof TICKET_STATUSES)[number];
export type TaskView = 'mine' | 'today' | 'overdue' | 'all';

interface ServiceUiState {
  status: TicketStatusFilter;
  priority: Priority | '';
  /** A member id, or '' for anyone. */
  assignee: string;
  /** The queue's order (domain/views `ticketOrder`) and its optional columns, which a saved view may set. */
  sort: { key: string; descending: boolean };
  columns: string[];
  taskView: TaskView;
  setTicketFilter: (filter: Partial<Pick<ServiceUiState, 'status' | 'priority' | 'assignee' | 'sort' | 'columns'>>) => void;
  setTaskView: (view: TaskView) => void;
}

export const useServiceUi = create<ServiceUiState>((set) => ({
  status: 'active',
  priority: '',
  assignee: '',
  sort: { key: 'sla', descending: false },
  columns: ['customer', 'status', 'priority', 'sla'],
  taskView: 'mine',
  setTicketFilter: (filter) => set(filter),
  setTaskView: (taskView) => set({ taskView }),
}));
