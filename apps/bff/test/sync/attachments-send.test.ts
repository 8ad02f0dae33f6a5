import { addAttachment, userContext } from '@tandem/roadmap';
import {
  DEFAULT_ADMIN_API_KEY,
  type RunningRallySimulator,
  startRallySimulator,
} from '@tandem/sim-rally';
import {
  DEFAULT_FULL_PAT,
  type RunningAzureDevOpsSimulator,
  startAzureDevOpsSimulator,
} from '@tandem/simulator-azure-devops';
import { describeEachDialect } from '@tandem/storage/testing';
import { sendSelection } from '@tandem/sync-engine/runner';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { azureDevOpsWorkspace } from './azure-devops-support.ts';
import { rallyWorkspace } from './support.ts';

const png = (n: number) =>
  new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(n).fill(7)]);

type Ws = Awaited<ReturnType<typeof rallyWorkspace | typeof azureDevOpsWorkspace>>;

async function attach(ws: Ws, handle: () => never, recordId: string, fileName: string, size = 64) {
  return addAttachment(handle(), userContext(ws.owner.id), ws.workspace.id, {
    recordType: 'feature',
    recordId,
    fileName,
    contentType: 'image/png',
    bytes: png(size),
  });
}

async function logOf(handle: () => { db: any }, integrationId: string) {
  const rows = await handle()
    .db.selectFrom('integration_log')
    .select(['level', 'message'])
    .where('integration_id', '=', integrationId)
    .where('event', '=', 'attachment')
    .execute();
  return rows.map((r: { level: string; message: string }) => `${r.level}: ${r.message}`);
}

/** A record's files go with it, and files added later follow, for every system; none twice. */
describeEachDialect('attachments travel with their record', (handle) => {
  let rally: RunningRallySimulator;
  let ado: RunningAzureDevOpsSimulator;
  beforeAll(async () => {
    rally = await startRallySimulator({ port: 0 });
    ado = await startAzureDevOpsSimulator({ port: 0, webhookDelivery: { enabled: false } });
  });
  afterAll(async () => {
    await rally.close();
    await ado.close();
  });

  async function rallyFiles(remoteId: string): Promise<string[]> {
    const res = await fetch(
      `${rally.url}/slm/webservice/v2.0/portfolioitem/feature/${remoteId}/Attachments?fetch=Name,Size`,
      { headers: { zsessionid: DEFAULT_ADMIN_API_KEY } },
    );
    const body = (await res.json()) as {
      QueryResult: { Results: { Name: string; Size: number }[] };
    };
    return body.QueryResult.Results.map((a) => `${a.Name}:${a.Size}`).sort();
  }

  async function adoFiles(remoteId: string): Promise<string[]> {
    const res = await fetch(
      `${ado.orgUrl}/_apis/wit/workitems/${remoteId}?$expand=relations&api-version=7.1`,
      {
        headers: {
          authorization: `Basic ${Buffer.from(`:${DEFAULT_FULL_PAT}`).toString('base64')}`,
        },
      },
    );
    const body = (await res.json()) as {
      relations?: { rel: string; attributes: { name: string; resourceSize: number } }[];
    };
    return (body.relations ?? [])
      .filter((r) => r.rel === 'AttachedFile')
      .map((r) => `${r.attributes.name}:${r.attributes.resourceSize}`)
      .sort();
  }

  for (const system of ['Rally', 'Azure DevOps'] as const) {
    it(`${system}: sent with the feature, a later one follows, none twice, a too-large one refused and logged`, {
      timeout: 30_000,
    }, async () => {
      const ws =
        system === 'Rally'
          ? await rallyWorkspace(handle(), rally.url)
          : await azureDevOpsWorkspace(handle(), ado.orgUrl);
      const files = system === 'Rally' ? rallyFiles : adoFiles;
      const feature = await ws.feature(`Files ${system}`);
      await attach(ws, handle as never, feature.id, 'mockup.png');
      ws.sync.worker.start();
      await sendSelection(ws.sync.deps, ws.integrationId, { featureIds: [feature.id] });
      await ws.sync.worker.drained();
      const [link] = await ws.sync.deps.roadmap.loadLinks([ws.integrationId], [feature.id]);
      expect(await files(link!.remoteId!)).toEqual(['mockup.png:72']);

      // A later addition follows through the outbox; the first is not sent again.
      await attach(ws, handle as never, feature.id, 'flow.png', 100);
      await ws.sync.outbox.catchUp();
      await ws.sync.worker.drained();
      expect(await files(link!.remoteId!)).toEqual(['flow.png:108', 'mockup.png:72']);

      // Over the system's limit: refused, with a log line naming the file and the limit.
      const connector = (await ws.sync.deps.integrations.runtime(ws.integrationId)).connector;
      const limit = connector.manifest.maxAttachmentBytes;
      (connector.manifest as { maxAttachmentBytes?: number }).maxAttachmentBytes = 150;
      try {
        await attach(ws, handle as never, feature.id, 'poster.png', 400);
        await ws.sync.outbox.catchUp();
        await ws.sync.worker.drained();
      } finally {
        (connector.manifest as { maxAttachmentBytes?: number }).maxAttachmentBytes = limit;
      }
      expect(await files(link!.remoteId!)).toEqual(['flow.png:108', 'mockup.png:72']);
      const log = await logOf(handle as never, ws.integrationId);
      expect(log).toContainEqual(
        expect.stringMatching(
          new RegExp(`^warn: Attachment poster.png not sent: .*over ${system}'s limit`),
        ),
      );
      expect(log).toContainEqual(expect.stringMatching(/^info: Attachment mockup\.png .* is on /));
      await ws.sync.close();
    });
  }
});
