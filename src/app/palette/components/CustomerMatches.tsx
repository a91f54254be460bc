import { useEffect } from 'react';
import { useCustomerQuery } from '../../customers/hooks/useCustomerQuery';

/** How many customers the palette shows at most. */
export const CUSTOMER_MATCHES = 6;

/**
 * The customers a palette query finds, asked of the customer list's query worker (MiniSearch over every customer:
 * fast at 100,000). Mounted with `key={text}`, so an answer always belongs to the text it reports.
 */
export function CustomerMatches({ text, onResult }: { text: string; onResult: (text: string, ids: string[]) => void }) {
  const result = useCustomerQuery({ text, sort: 'name', descending: false });
  useEffect(() => {
    if (result) onResult(text, result.ids.slice(0, CUSTOMER_MATCHES));
  }, [result, text, onResult]);
  return null;
}
