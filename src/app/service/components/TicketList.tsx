import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { Ticket } from '../../../domain/work';
import { TicketRow } from './TicketRow';

const ROW_HEIGHT = 96;

/** The ticket queue; a busy team's queue can be long, so only the rows on screen are rendered. */
export function TicketList({ tickets, customerNames, at, columns }: { tickets: readonly Ticket[]; customerNames: Map<string, string>; at: number; columns?: readonly string[] }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: tickets.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  return (
    <div ref={scroller} className="ticket-scroller" data-testid="ticket-list">
      <ul className="plain-list" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const ticket = tickets[item.index] as Ticket;
          return (
            <li key={ticket.id} ref={virtualizer.measureElement} data-index={item.index} style={{ transform: `translateY(${item.start}px)` }}>
              <TicketRow ticket={ticket} customerName={customerNames.get(ticket.customerId)} at={at} {...(columns ? { columns } : {})} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
