import { describeEachDialect } from '@tandem/storage/testing';
import { expect, it } from 'vitest';
import { roadmapFixture } from './support/roadmap.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describeEachDialect('every API write emits exactly one event', (handle) => {
  it('with the record, the action, the changed fields, the actor and origin user', async () => {
    const f = await roadmapFixture(handle());
    const b = f.base;
    const ids: Record<string, string> = {};
    const upload = new FormData();
    upload.append('file', new Blob([PNG], { type: 'image/png' }), 'mock.png');

    type Step = {
      as: 'owner' | 'contributor';
      method: string;
      path: () => string;
      body?: () => unknown;
      keep?: string;
      event: [recordType: string, action: string, changed?: string[]];
    };
    const steps: Step[] = [
      {
        as: 'contributor',
        method: 'POST',
        path: () => `${b}/releases`,
        body: () => ({ name: 'Later', parkingLot: true }),
        keep: 'release',
        event: ['release', 'create'],
      },
      {
        as: 'contributor',
        method: 'PATCH',
        path: () => `${b}/releases/${ids.release}`,
        body: () => ({ version: 1, name: 'Someday' }),
        event: ['release', 'update', ['name']],
      },
      {
        as: 'contributor',
        method: 'POST',
        path: () => `${b}/initiatives`,
        body: () => ({ name: 'Growth' }),
        keep: 'initiative',
        event: ['initiative', 'create'],
      },
      {
        as: 'contributor',
        method: 'PATCH',
        path: () => `${b}/initiatives/${ids.initiative}`,
        body: () => ({ version: 1, descriptionHtml: '<p>More</p>' }),
        event: ['initiative', 'update', ['descriptionHtml']],
      },
      {
        as: 'owner',
        method: 'POST',
        path: () => `${b}/custom-fields`,
        body: () => ({ recordType: 'feature', key: 'effort', label: 'Effort', type: 'number' }),
        keep: 'field',
        event: ['custom_field', 'create'],
      },
      {
        as: 'owner',
        method: 'PATCH',
        path: () => `${b}/custom-fields/${ids.field}`,
        body: () => ({ label: 'Effort (days)' }),
        event: ['custom_field', 'update', ['label']],
      },
      {
        as: 'contributor',
        method: 'POST',
        path: () => `${b}/features`,
        body: () => ({ name: 'A', releaseId: f.release.id }),
        keep: 'a',
        event: ['feature', 'create'],
      },
      {
        as: 'contributor',
        method: 'POST',
        path: () => `${b}/features`,
        body: () => ({ name: 'B', releaseId: f.release.id }),
        keep: 'b',
        event: ['feature', 'create'],
      },
      {
        as: 'contributor',
        method: 'PATCH',
        path: () => `${b}/features/${ids.a}`,
        body: () => ({ version: 1, initiativeId: ids.initiative, customFields: { effort: 5 } }),
        event: ['feature', 'update', ['customFields', 'initiativeId']],
      },
      {
        as: 'contributor',
        method: 'POST',
        path: () => `${b}/features/${ids.a}/move`,
        body: () => ({ version: 2, afterId: ids.b, statusId: f.statuses.feature[1]!.id }),
        event: ['feature', 'update', ['rank', 'statusId']],
      },
      {
        as: 'contributor',
        method: 'POST',
        path: () => `${b}/features/${ids.a}/requirements`,
        body: () => ({ name: 'R' }),
        keep: 'req',
        event: ['requirement', 'create'],
      },
      {
        as: 'contributor',
        method: 'PATCH',
        path: () => `${b}/requirements/${ids.req}`,
        body: () => ({ version: 1, assigneeId: f.userIds.owner }),
        event: ['requirement', 'update', ['assigneeId']],
      },
      {
        as: 'contributor',
        method: 'POST',
        path: () => `${b}/features/${ids.a}/attachments`,
        body: () => upload,
        keep: 'file',
        event: ['attachment', 'create'],
      },
      {
        as: 'contributor',
        method: 'DELETE',
        path: () => `${b}/attachments/${ids.file}`,
        event: ['attachment', 'delete'],
      },
      {
        as: 'contributor',
        method: 'DELETE',
        path: () => `${b}/requirements/${ids.req}`,
        event: ['requirement', 'delete'],
      },
      {
        as: 'contributor',
        method: 'DELETE',
        path: () => `${b}/features/${ids.b}`,
        event: ['feature', 'delete'],
      },
      {
        as: 'owner',
        method: 'DELETE',
        path: () => `${b}/custom-fields/${ids.field}`,
        event: ['custom_field', 'delete'],
      },
      {
        as: 'contributor',
        method: 'DELETE',
        path: () => `${b}/releases/${ids.release}`,
        event: ['release', 'delete'],
      },
    ];

    for (const step of steps) {
      const { lastEvent } = await f.written('features');
      const res = await f[step.as].request(step.method, step.path(), step.body?.());
      const label = `${step.method} ${step.path()}`;
      expect(res.status, label).toBeLessThan(300);
      if (step.keep) ids[step.keep] = (await res.json()).id;
      const events = await f.eventsSince(lastEvent);
      const [recordType, action, changed] = step.event;
      expect(events.map((e) => `${label}: ${e.recordType} ${e.action}`)).toEqual([
        `${label}: ${recordType} ${action}`,
      ]);
      expect(events[0]).toMatchObject({
        origin: 'user',
        actorId: f.userIds[step.as],
        workspaceId: f.workspace.id,
      });
      if (changed) expect(Object.keys(events[0]!.changes).sort(), label).toEqual(changed);
    }
  });
});
