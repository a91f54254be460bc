import type { LucideIcon } from 'lucide-react';
import { ChartPie, FileUp, House, ListChecks, Megaphone, SquareKanban, Settings, Ticket, Users } from 'lucide-react';
import type { en } from './i18n/en';

export interface NavigationItem {
  path: string;
  label: `nav.${Exclude<keyof typeof en.nav, 'label'>}`;
  icon: LucideIcon;
}

/** Only features that exist are listed; each later feature adds its own entry. */
export const NAVIGATION: readonly NavigationItem[] = [
  { path: '/', label: 'nav.home', icon: House },
  { path: '/customers', label: 'nav.customers', icon: Users },
  { path: '/pipeline', label: 'nav.pipeline', icon: SquareKanban },
  { path: '/tickets', label: 'nav.tickets', icon: Ticket },
  { path: '/tasks', label: 'nav.tasks', icon: ListChecks },
  { path: '/campaigns', label: 'nav.campaigns', icon: Megaphone },
  { path: '/import', label: 'nav.import', icon: FileUp },
  { path: '/insights', label: 'nav.insights', icon: ChartPie },
  { path: '/settings', label: 'nav.settings', icon: Settings },
];
