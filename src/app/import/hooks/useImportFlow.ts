import { useLiveQuery } from 'dexie-react-hooks';
import { startTransition, useState } from 'react';
import type { BackupTable } from '../../../data/backup';
import { importSettingsKey } from '../../../data/api/importApi';
import type { ImportJobRow } from '../../../data/db';
import type { Region } from '../../../domain/normalise';
import type { TextEncodingName } from '../../../import/encoding';
import { newId } from '../../../platform/ids';
import type { WorkspaceSettings } from '../../../sync/settings';
import {
  decisionOf,
  GROUP_PAGE,
  type DuplicateChoices,
  type DuplicateDecision,
  type FileInspection,
  type ImportSettings,
  type ImportWorkerResponse,
  type PreviewGroup,
  type ProgressReport,
  type ShownPreview,
} from '../../../workers/importContract';
import { useWorkspace } from '../../workspace/hooks/useWorkspace';
import { useImportWorker } from './useImportWorker';

export type ImportPhase =
  | 'idle'
  | 'inspecting'
  | 'ready'
  | 'checking'
  | 'previewed'
  | 'importing'
  | 'done'
  | 'cancelled'
  | 'failed'
  | 'restoring'
  | 'restored';

export interface ImportFailure {
  code: Extract<ImportWorkerResponse, { kind: 'failed' }>['code'] | 'wrong_file';
  detail?: string;
}

/** What a job keeps to run again on resume (jobs saved before bulk choices carry a decision for every group). */
export interface SavedJobSettings extends DuplicateChoices {
  settings: ImportSettings;
}

export interface ImportFlow {
  phase: ImportPhase;
  file: File | null;
  inspection: FileInspection | null;
  settings: ImportSettings | null;
  preview: ShownPreview | null;
  /** The decision a duplicate group will get: the user's for it, else the bulk choice, else the suggestion. */
  decisionFor: (group: PreviewGroup) => DuplicateDecision;
  /** A page of a preview's duplicate groups from `from` (the first page comes with the preview). */
  loadGroups: (preview: ShownPreview, from: number) => Promise<PreviewGroup[]>;
  progress: ProgressReport | null;
  failure: ImportFailure | null;
  job: ImportJobRow | undefined;
  restoring: { table: BackupTable; refused: number } | null;
  chooseFile: (file: File) => Promise<void>;
  reread: (options: { encoding?: TextEncodingName | undefined; hasHeader: boolean }) => Promise<void>;
  updateSettings: (change: Partial<ImportSettings>) => void;
  check: () => Promise<void>;
  decide: (key: string, decision: DuplicateDecision) => void;
  decideAll: (decision: DuplicateDecision) => void;
  commit: () => Promise<void>;
  resume: (job: ImportJobRow, file: File) => Promise<void>;
  cancel: () => void;
  restore: () => Promise<void>;
  reset: () => void;
}

function failureOf(message: ImportWorkerResponse): ImportFailure {
  if (message.kind !== 'failed') return { code: 'unreadable' };
  return message.detail === undefined ? { code: message.code } : { code: message.code, detail: message.detail };
}

/** The import page's steps: choose a file, map and check it, review, commit with progress; or restore a backup. */
export function useImportFlow(): ImportFlow {
  const client = useWorkspace();
  const worker = useImportWorker();
  const workspaceSettings = useLiveQuery(async () => (await client.db.device.get('settings'))?.value as WorkspaceSettings | undefined, [client.db]);
  const [phase, setPhase] = useState<ImportPhase>('idle');
  const [file, setFile] = useState<File | null>(null);
  const [inspection, setInspection] = useState<FileInspection | null>(null);
  const [settings, setSettings] = useState<ImportSettings | null>(null);
  const [preview, setPreview] = useState<ShownPreview | null>(null);
  const [decisions, setDecisions] = useState<Record<string, DuplicateDecision>>({});
  const [bulk, setBulk] = useState<DuplicateDecision | undefined>(undefined);
  const [progress, setProgress] = useState<ProgressReport | null>(null);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<ImportFlow['restoring']>(null);
  const job = useLiveQuery(async () => (jobId ? ((await client.db.importJobs.get(jobId)) as ImportJobRow | undefined) : undefined), [client.db, jobId]);

  const fail = (next: ImportFailure) => {
    setFailure(next);
    setPhase('failed');
  };

  const inspect = async (chosen: File, options: { encoding?: TextEncodingName | undefined; hasHeader: boolean }) => {
    setPhase('inspecting');
    setFailure(null);
    setPreview(null);
    const answer = await worker.run({ kind: 'inspect', file: chosen, hasHeader: options.hasHeader, ...(options.encoding ? { encoding: options.encoding } : {}) });
    if (answer.kind !== 'inspected') return fail(failureOf(answer));
    const found = answer.inspection;
    // Drawn as a transition, in slices: the mapping table of a wide file is a long drawing.
    startTransition(() => showInspection(found, options));
  };

  const showInspection = (found: FileInspection, options: { encoding?: TextEncodingName | undefined; hasHeader: boolean }) => {
    setInspection(found);
    if (found.format === 'backup') {
      setSettings(null);
      setPhase('ready');
      return;
    }
    const region: Region = workspaceSettings?.defaultRegion ?? 'US';
    setSettings((previous) => ({
      workspaceId: client.identity.workspaceId,
      kind: previous?.kind ?? (found.interactionMapping.customerKey && found.interactionMapping.at !== null && found.interactionMapping.amount !== null ? 'interactions' : 'customers'),
      format: found.format === 'backup' ? 'delimited' : found.format,
      ...(options.encoding ? { encoding: options.encoding } : {}),
      hasHeader: options.hasHeader,
      customerMapping: found.customerMapping,
      interactionMapping: found.interactionMapping,
      clean: {
        region,
        dateOrder: found.dateOrder ?? previous?.clean.dateOrder ?? (region === 'US' ? 'mdy' : 'dmy'),
        decimalSeparator: previous?.clean.decimalSeparator ?? '.',
        defaultCurrency: workspaceSettings?.currency ?? 'USD',
      },
      mode: previous?.mode ?? 'valid',
    }));
    setPhase('ready');
  };

  /** Progress redraws the page several times a second: as transitions, which never hold up what the user does. */
  const showProgress = (message: ImportWorkerResponse) => {
    if (message.kind === 'progress') startTransition(() => setProgress(message.progress));
  };

  const runCommit = async (chosen: File, run: ImportSettings, choices: DuplicateChoices, id: string, resumeAfterRow: number, previewId?: number) => {
    setJobId(id);
    setPhase('importing');
    setProgress(null);
    const answer = await worker.run(
      { kind: 'commit', file: chosen, settings: run, ...choices, ...(previewId === undefined ? {} : { previewId }), jobId: id, resumeAfterRow, identity: client.identity },
      showProgress,
    );
    if (answer.kind === 'committed') {
      await client.call('finishImportJob', id, 'done');
      setPhase('done');
    } else if (answer.kind === 'cancelled') {
      await client.call('finishImportJob', id, 'cancelled');
      setPhase('cancelled');
    } else {
      fail(failureOf(answer));
    }
  };

  return {
    phase,
    file,
    inspection,
    settings,
    preview,
    decisionFor: (group) => decisionOf(group, { decisions, ...(bulk ? { bulk } : {}) }),
    loadGroups: async (shown, from) => {
      const answer = await worker.run({ kind: 'groups', preview: shown.id, from, to: from + GROUP_PAGE });
      return answer.kind === 'groups' ? answer.groups : [];
    },
    progress,
    failure,
    job,
    restoring,
    chooseFile: async (chosen) => {
      setFile(chosen);
      setSettings(null);
      setJobId(null);
      await inspect(chosen, { hasHeader: true });
    },
    reread: async (options) => {
      if (file) await inspect(file, options);
    },
    updateSettings: (change) => {
      setSettings((current) => (current ? { ...current, ...change } : current));
      setPreview(null);
      setPhase('ready');
    },
    check: async () => {
      if (!file || !settings) return;
      setPhase('checking');
      setProgress(null);
      const answer = await worker.run({ kind: 'preview', file, settings }, showProgress);
      if (answer.kind === 'cancelled') return setPhase('ready');
      if (answer.kind !== 'preview') return fail(failureOf(answer));
      const { preview: shown } = answer;
      startTransition(() => {
        setPreview(shown);
        setDecisions({});
        setBulk(undefined);
        setPhase('previewed');
      });
    },
    decide: (key, decision) => setDecisions((current) => ({ ...current, [key]: decision })),
    decideAll: (decision) => {
      setBulk(decision);
      setDecisions({});
    },
    commit: async () => {
      if (!file || !settings || !preview) return;
      const id = newId();
      const choices: DuplicateChoices = { decisions, ...(bulk ? { bulk } : {}) };
      const saved: SavedJobSettings = { settings, ...choices };
      await client.call('startImportJob', { id, kind: settings.kind, fileName: file.name, fileSize: file.size, rowsTotal: preview.validRows - preview.knownInteractions, settings: saved });
      await runCommit(file, settings, choices, id, 0, preview.id);
    },
    resume: async (interrupted, chosen) => {
      if (chosen.name !== interrupted.fileName || chosen.size !== interrupted.fileSize) return fail({ code: 'wrong_file' });
      // Jobs started before the settings moved out of the job's row still carry them there.
      const saved = ((await client.db.device.get(importSettingsKey(interrupted.id)))?.value ?? interrupted.settings) as SavedJobSettings;
      setFile(chosen);
      setSettings(saved.settings);
      const { settings: savedSettings, ...choices } = saved;
      await runCommit(chosen, { ...savedSettings, workspaceId: client.identity.workspaceId }, choices, interrupted.id, interrupted.rowsDone);
    },
    cancel: () => worker.post({ kind: 'cancel' }),
    restore: async () => {
      if (!file) return;
      setPhase('restoring');
      setRestoring(null);
      const answer = await worker.run({ kind: 'restore', file, identity: client.identity }, (message) => {
        if (message.kind === 'restoring') setRestoring({ table: message.table, refused: message.refused });
      });
      if (answer.kind === 'restored') setPhase('restored');
      else fail(failureOf(answer));
    },
    reset: () => {
      setPhase('idle');
      setFile(null);
      setInspection(null);
      setSettings(null);
      setPreview(null);
      setFailure(null);
      setJobId(null);
      setRestoring(null);
    },
  };
}
