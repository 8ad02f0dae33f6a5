import { beforeEach, describe, expect, it } from 'vitest';
import { createAzureDevOpsSimulator, DEFAULT_FULL_PAT, DEFAULT_USERS } from '../src/index.ts';
import { patHeaders } from './helpers.ts';

let now = new Date('2026-03-10T12:00:00Z');
const sim = createAzureDevOpsSimulator({ clock: () => now });

beforeEach(() => {
  now = new Date('2026-03-01T09:00:00Z');
  sim.control.reset();
  now = new Date('2026-03-05T09:00:00Z');
  sim.control.actAs({ action: 'update', id: 3, fields: { 'System.Tags': 'Export; csv' } });
  now = new Date('2026-03-10T12:00:00Z');
});

async function ids(query: string, project = 'Roadmap%20Demo', extra = ''): Promise<number[]> {
  const res = await sim.app.request(`http://sim/tandem-demo/${project}/_apis/wit/wiql${extra}`, {
    method: 'POST',
    headers: { ...patHeaders(DEFAULT_FULL_PAT), 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as any;
  if (res.status !== 200) throw new Error(body.message);
  return body.workItems.map((w: { id: number }) => w.id);
}

const Q = 'SELECT [System.Id] FROM WorkItems WHERE ';

describe('WIQL over the seeded work items', () => {
  it('compares dates by day with >=, and @today with an offset', async () => {
    expect(await ids(`${Q}[System.ChangedDate] >= '2026-03-05T23:59:00Z'`)).toEqual([3]);
    expect(await ids(`${Q}[System.ChangedDate] >= @today - 5`)).toEqual([3]);
    expect(
      await ids(
        `${Q}[System.ChangedDate] >= '2026-03-05T23:59:00Z'`,
        'Roadmap%20Demo',
        '?timePrecision=true',
      ),
    ).toEqual([]);
  });

  it('reads =, <>, IN, NOT IN, UNDER, CONTAINS on tags, AND/OR with parentheses, ORDER BY', async () => {
    expect(
      await ids(
        `${Q}[System.TeamProject] = @project AND [System.WorkItemType] <> 'User Story' ORDER BY [System.Id] DESC`,
      ),
    ).toEqual([5, 2, 1]);
    expect(await ids(`${Q}[System.WorkItemType] IN ('Epic', 'Task')`)).toEqual([1, 5]);
    expect(
      await ids(
        `${Q}[System.TeamProject] = @project AND [System.WorkItemType] NOT IN ('Epic', 'Task')`,
      ),
    ).toEqual([2, 3, 4]);
    expect(await ids(`${Q}[System.AreaPath] UNDER 'roadmap demo\\web'`)).toEqual([1, 2, 3, 4]);
    expect(await ids(`${Q}[System.Tags] CONTAINS 'export'`)).toEqual([2, 3]);
    expect(
      await ids(
        `${Q}([System.State] = 'Active' OR [System.Tags] CONTAINS 'csv') AND [System.AreaPath] UNDER 'Roadmap Demo\\Web\\Backend'`,
      ),
    ).toEqual([4]);
    expect(await ids(`${Q}[System.AssignedTo] = @me`)).toEqual([]);
    expect(await ids(`${Q}[System.AssignedTo] = '${DEFAULT_USERS[1]!.displayName}'`)).toEqual([4]);
    expect(await ids(`${Q}[System.TeamProject] = @project ORDER BY [System.Title]`)).toEqual([
      2, 3, 4, 1, 5,
    ]);
  });

  it('leaves out deleted work items', async () => {
    sim.control.actAs({ action: 'delete', id: 3 });
    expect(await ids(`${Q}[System.Tags] CONTAINS 'export'`)).toEqual([2]);
  });
});
