import { describe, expect, it } from 'vitest';
import { formatLogData } from './format-log-data';

describe('formatLogData', () => {
  it('shows nothing for an entry without data', () => {
    expect(formatLogData(null)).toEqual([]);
    expect(formatLogData(undefined)).toEqual([]);
  });

  it('shows other data as one JSON block', () => {
    expect(formatLogData({ batchId: 'b1' })).toEqual([
      { label: 'Details', text: '{\n  "batchId": "b1"\n}' },
    ]);
  });

  it('reads an HTTP exchange as request, response and details, JSON bodies pretty-printed', () => {
    const sections = formatLogData({
      method: 'POST',
      url: 'http://rally/slm/webservice/v2.0/portfolioitem/feature/create',
      status: 400,
      requestHeaders: { zsessionid: '[redacted]' },
      requestBody: '{"Feature":{"Name":"Offline"}}',
      responseBody: 'Bad <b>request</b>',
      attempt: 1,
    });
    expect(sections.map((s) => s.label)).toEqual(['Request', 'Response (HTTP 400)', 'Details']);
    expect(sections[0]?.text).toBe(
      'POST http://rally/slm/webservice/v2.0/portfolioitem/feature/create\nzsessionid: [redacted]\n\n{\n  "Feature": {\n    "Name": "Offline"\n  }\n}',
    );
    expect(sections[1]?.text).toBe('Bad <b>request</b>');
    expect(JSON.parse(sections[2]?.text ?? '')).toEqual({
      method: 'POST',
      url: 'http://rally/slm/webservice/v2.0/portfolioitem/feature/create',
      status: 400,
      attempt: 1,
    });
  });
});
