import { describe, expect, it } from 'vitest';
import { createRallySimulator, DEFAULT_ADMIN_API_KEY } from '../src/index.ts';

const { app } = createRallySimulator();

async function ids(type: string, query: string, order = 'FormattedID'): Promise<string[] | string> {
  const res = await app.request(
    `/slm/webservice/v2.0/${type}?query=${encodeURIComponent(query)}&fetch=FormattedID,Name&order=${order}&pagesize=200`,
    {
      headers: { zsessionid: DEFAULT_ADMIN_API_KEY },
    },
  );
  const body = (await res.json()) as {
    QueryResult: { Errors: string[]; Results: Array<{ FormattedID?: string; Name: string }> };
  };
  if (body.QueryResult.Errors.length) return body.QueryResult.Errors[0] as string;
  return body.QueryResult.Results.map((r) => r.FormattedID ?? r.Name);
}

describe('query evaluation against the seed', () => {
  it.each([
    ['hierarchicalrequirement', '(Tags.Name contains "road")', ['US103']],
    ['hierarchicalrequirement', '(Parent.FormattedID = US101)', ['US102']],
    ['hierarchicalrequirement', '(Parent = null)', ['US101', 'US103', 'US104', 'US105']],
    ['hierarchicalrequirement', '(Owner.UserName = "dana.developer@acme.example")', ['US105']],
    ['hierarchicalrequirement', '(Feature.Name = "Roadmap CSV export")', ['US101', 'US102']],
    [
      'hierarchicalrequirement',
      '((PlanEstimate >= 3) AND (PlanEstimate < 8))',
      ['US101', 'US102', 'US103'],
    ],
    [
      'hierarchicalrequirement',
      '((ScheduleState = Accepted) OR (Name contains "offline"))',
      ['US104', 'US105'],
    ],
    ['hierarchicalrequirement', '(ScheduleState > In-Progress)', ['US104']],
    ['hierarchicalrequirement', '(Name !contains "report")', ['US101', 'US102', 'US105']],
    ['hierarchicalrequirement', '(Project = /project/3000000003)', ['US103', 'US104']],
    ['hierarchicalrequirement', '(Project.Parent.Name = "Team Alpha")', ['US105']],
    ['hierarchicalrequirement', '(Blocked = false)', ['US101', 'US102', 'US103', 'US104', 'US105']],
    ['hierarchicalrequirement', '(InProgressDate > "2025-08-01")', ['US101', 'US102']],
    ['hierarchicalrequirement', '(ObjectUUID = "b5742b37-cf95-4c73-9066-000000000601")', ['US101']],
    ['portfolioitem/feature', '(State.Name = "Discovering")', ['F12', 'F13']],
    ['portfolioitem/feature', '(State = null)', ['F14']],
    ['portfolioitem/feature', '(Parent.FormattedID = I3)', ['F12', 'F13']],
    ['portfolioitem', '(FormattedID contains "I")', ['I3', 'I4']],
    ['artifact', '(Name contains "CSV")', ['DE7', 'F12', 'TA21', 'US101', 'US102']],
    ['project', '(Parent.Name = "Acme Portfolio")', ['Team Alpha', 'Team Beta']],
  ])('%s %s', async (type, query, expected) => {
    expect(await ids(type, query, type === 'project' ? 'Name' : 'FormattedID')).toEqual(expected);
  });

  it('fails like Rally for unknown attributes, subtype-only attributes and bad values', async () => {
    expect(await ids('hierarchicalrequirement', '(Watchers = 1)')).toBe(
      "Could not parse: Could not find attribute 'Watchers'",
    );
    expect(await ids('artifact', '(ScheduleState = Defined)')).toBe(
      'Could not read: could not read all instances of class com.f4tech.slm.domain.Artifact',
    );
    expect(await ids('hierarchicalrequirement', '(PlanEstimate > lots)')).toMatch(
      /^Could not parse: Cannot parse "lots" as a number/,
    );
    expect(await ids('hierarchicalrequirement', '(ScheduleState < Someday)')).toMatch(
      /^Could not parse: Invalid value "Someday"/,
    );
    expect(await ids('hierarchicalrequirement', '(Name = x)', 'Nope')).toBe(
      "Could not parse: Could not find attribute 'Nope'",
    );
  });

  it('orders by several keys with directions', async () => {
    const res = await app.request(
      '/slm/webservice/v2.0/hierarchicalrequirement?fetch=FormattedID&order=ScheduleState DESC,FormattedID&pagesize=10',
      { headers: { zsessionid: DEFAULT_ADMIN_API_KEY } },
    );
    const body = (await res.json()) as { QueryResult: { Results: Array<{ FormattedID: string }> } };
    expect(body.QueryResult.Results.map((r) => r.FormattedID)).toEqual([
      'US104',
      'US101',
      'US102',
      'US103',
      'US105',
    ]);
  });
});
