import { useEffect, useRef, useState } from 'react';
import type { CustomerQuery, CustomerQueryResult } from '../../../workers/customerIndex';
import type { QueryWorkerRequest, QueryWorkerResponse } from '../../../workers/customerQueryContract';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';

const workers = new Map<string, Worker>();

/** One query worker per workspace for the page's lifetime: its index survives leaving and re-entering the list. */
function queryWorker(workspaceId: string): Worker {
  let worker = workers.get(workspaceId);
  if (!worker) {
    worker = new Worker(new URL('../../../workers/customerQuery.worker.ts', import.meta.url), { type: 'module', name: 'customer-query' });
    worker.postMessage({ kind: 'open', workspaceId } satisfies QueryWorkerRequest);
    workers.set(workspaceId, worker);
  }
  return worker;
}

let nextId = 0;

/**
 * The ids of the customers a query selects, in order, answered by the worker; null until its first answer (the list
 * shows the first page straight from IndexedDB meanwhile). Re-asked whenever the customers change.
 */
export function useCustomerQuery(query: CustomerQuery): CustomerQueryResult | null {
  const { identity } = useWorkspace();
  const [result, setResult] = useState<CustomerQueryResult | null>(null);
  const latest = useRef(0);
  const key = JSON.stringify(query);

  useEffect(() => {
    const worker = queryWorker(identity.workspaceId);
    const ask = () => {
      latest.current = nextId += 1;
      worker.postMessage({ kind: 'query', id: latest.current, query: JSON.parse(key) as CustomerQuery } satisfies QueryWorkerRequest);
    };
    const handleMessage = (event: MessageEvent<QueryWorkerResponse>) => {
      const message = event.data;
      if (message.kind === 'changed') ask();
      // Only the answer to the newest question counts: an older one would flash stale results while typing.
      else if (message.kind === 'result' && message.id === latest.current) setResult(message.result);
    };
    worker.addEventListener('message', handleMessage);
    ask();
    return () => worker.removeEventListener('message', handleMessage);
  }, [identity.workspaceId, key]);

  return result;
}
