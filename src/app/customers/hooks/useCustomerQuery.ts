import { useCallback, useEffect, useRef, useState } from 'react';
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
 * The worker's answer to a question, asked again whenever the customers change; null until its first answer. Only
 * the answer to the newest question counts: an older one would flash stale results while typing.
 */
function useWorkerAnswer<T>(question: (id: number) => QueryWorkerRequest, answer: (message: QueryWorkerResponse, id: number) => T | undefined): T | null {
  const { identity } = useWorkspace();
  const [result, setResult] = useState<T | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const worker = queryWorker(identity.workspaceId);
    const send = () => {
      latest.current = nextId += 1;
      worker.postMessage(question(latest.current));
    };
    const handleMessage = (event: MessageEvent<QueryWorkerResponse>) => {
      if (event.data.kind === 'changed') return send();
      const value = answer(event.data, latest.current);
      if (value !== undefined) setResult(value);
    };
    worker.addEventListener('message', handleMessage);
    send();
    return () => worker.removeEventListener('message', handleMessage);
  }, [identity.workspaceId, question, answer]);

  return result;
}

const queryAnswer = (message: QueryWorkerResponse, id: number) => (message.kind === 'result' && message.id === id ? message.result : undefined);
const countQuestion = (id: number): QueryWorkerRequest => ({ kind: 'count', id });
const countAnswer = (message: QueryWorkerResponse, id: number) => (message.kind === 'count' && message.id === id ? message.customers : undefined);

/** The ids of the customers a query selects, in order (the list shows the first page from IndexedDB meanwhile). */
export function useCustomerQuery(query: CustomerQuery): CustomerQueryResult | null {
  const key = JSON.stringify(query);
  const question = useCallback((id: number): QueryWorkerRequest => ({ kind: 'query', id, query: JSON.parse(key) as CustomerQuery }), [key]);
  return useWorkerAnswer(question, queryAnswer);
}

/**
 * How many live customers the workspace holds, from the worker's index. Counting them in IndexedDB took ~300 ms of
 * its backend per change at 10,000 customers, which every write to the customers then waited for.
 */
export function useCustomerCount(): number | null {
  return useWorkerAnswer(countQuestion, countAnswer);
}
