import { ATTACHMENT_MAX_BYTES } from '@tandem/contracts';
import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import {
  AttachmentTooLargeError,
  addAttachment,
  ConflictError,
  createFeature,
  createInitiative,
  createRelease,
  deleteInitiative,
  deleteRelease,
  findFeature,
  getAttachmentContent,
  listReleases,
  updateRelease,
  type ValidationError,
} from '../src/index.ts';
import { EXE, PNG } from './support/bytes.ts';
import { featureInput, seedWorkspace, snapshot } from './support/fixtures.ts';

describeEachDialect('releases, initiatives and attachments', (handle) => {
  it('numbers releases per workspace and orders scheduled before parking lots', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const lot = await createRelease(db, s.ctx, s.workspace.id, {
      name: 'Parking lot',
      parkingLot: true,
    });
    const early = await createRelease(db, s.ctx, s.workspace.id, {
      name: 'Early',
      releaseDate: '2026-11-30',
      parkingLot: false,
    });
    expect(early.referenceNum).toBe(`${s.workspace.key}-R-3`);
    const list = await listReleases(db.db, s.workspace.id);
    expect(list.map((r) => r.name)).toEqual(['Early', '2027.1', 'Parking lot']);
    // Parking lots reorder by position.
    const lot2 = await createRelease(db, s.ctx, s.workspace.id, {
      name: 'Ideas',
      parkingLot: true,
    });
    await updateRelease(db, s.ctx, s.workspace.id, lot2.id, {
      version: 1,
      position: lot.position - 1,
    });
    expect((await listReleases(db.db, s.workspace.id)).map((r) => r.name).slice(-2)).toEqual([
      'Ideas',
      'Parking lot',
    ]);
  });

  it('refuses a release status from another workflow and dates out of order', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const before = await snapshot(db, 'releases');
    const error = await createRelease(db, s.ctx, s.workspace.id, {
      name: 'Bad',
      statusId: s.statuses.feature[0]!.id,
      startDate: '2027-05-01',
      releaseDate: '2027-04-01',
      parkingLot: false,
    }).catch((e: unknown) => e);
    expect((error as ValidationError).fields.map((f) => f.path).sort()).toEqual([
      'releaseDate',
      'statusId',
    ]);
    expect(await snapshot(db, 'releases')).toEqual(before);
  });

  it('keeps a release while it has features', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    await createFeature(db, s.ctx, s.workspace.id, featureInput(s.release));
    const error = await deleteRelease(db, s.ctx, s.workspace.id, s.release.id).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConflictError);
  });

  it('unlinks features in other workspaces when their initiative is deleted', async () => {
    const db = handle();
    const app = await seedWorkspace(db);
    const platform = await seedWorkspace(db);
    const { workspacesRepository } = await import('@tandem/storage');
    await workspacesRepository(db.db).addMember(platform.workspace.id, app.owner.id, 'contributor');
    const initiative = await createInitiative(db, platform.ctx, platform.workspace.id, {
      name: 'Reliability',
      descriptionHtml: '<p>x</p>',
    });
    expect(initiative.referenceNum).toBe(`${platform.workspace.key}-I-1`);
    const f = await createFeature(
      db,
      app.ctx,
      app.workspace.id,
      featureInput(app.release, { initiativeId: initiative.id }),
    );
    await deleteInitiative(db, platform.ctx, platform.workspace.id, initiative.id);
    const after = await findFeature(db.db, f.id);
    expect(after).toMatchObject({ initiative_id: null, version: 2 });
  });

  it('stores attachment bytes and refuses disguised or oversized files, writing nothing', async () => {
    const db = handle();
    const s = await seedWorkspace(db);
    const f = await createFeature(db, s.ctx, s.workspace.id, featureInput(s.release));
    const meta = await addAttachment(db, s.ctx, s.workspace.id, {
      recordType: 'feature',
      recordId: f.id,
      fileName: '../../etc/mock.png',
      contentType: 'image/png',
      bytes: PNG,
    });
    expect(meta).toMatchObject({
      fileName: 'mock.png',
      size: PNG.length,
      contentType: 'image/png',
    });
    const stored = await getAttachmentContent(db.db, s.workspace.id, meta.id);
    expect(new Uint8Array(stored.content)).toEqual(PNG);

    const before = await snapshot(db, 'attachments');
    const disguised = await addAttachment(db, s.ctx, s.workspace.id, {
      recordType: 'feature',
      recordId: f.id,
      fileName: 'invoice.pdf',
      contentType: 'application/pdf',
      bytes: EXE,
    }).catch((e: unknown) => e);
    expect((disguised as ValidationError).fields).toEqual([
      { path: 'file', message: "The file's content is not application/pdf" },
    ]);
    const big = await addAttachment(db, s.ctx, s.workspace.id, {
      recordType: 'feature',
      recordId: f.id,
      fileName: 'big.txt',
      contentType: 'text/plain',
      bytes: new Uint8Array(ATTACHMENT_MAX_BYTES + 1),
    }).catch((e: unknown) => e);
    expect(big).toBeInstanceOf(AttachmentTooLargeError);
    expect(await snapshot(db, 'attachments')).toEqual(before);
  });
});
