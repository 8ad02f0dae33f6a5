import { describe, expect, it } from 'vitest';
import { DEFAULT_LEVELS, parseLogFilters, toLogQuery, toSearchParams } from './log-filters';

describe('log filters in the URL', () => {
  it('defaults to what a person acts on: info, warnings and errors', () => {
    const f = parseLogFilters(new URLSearchParams());
    expect(f).toEqual({
      levels: DEFAULT_LEVELS,
      event: '',
      q: '',
      recordType: '',
      recordId: '',
      recordRef: '',
      entry: null,
    });
    expect(toSearchParams(f).toString()).toBe('');
  });

  it('round-trips every filter, levels in a fixed order and unknown levels dropped', () => {
    const params = new URLSearchParams(
      'level=error,bogus,debug&event=send_failed&q=timeout&recordType=feature&recordId=f1&ref=APP-1&entry=42',
    );
    const f = parseLogFilters(params);
    expect(f).toEqual({
      levels: ['debug', 'error'],
      event: 'send_failed',
      q: 'timeout',
      recordType: 'feature',
      recordId: 'f1',
      recordRef: 'APP-1',
      entry: 42,
    });
    expect(parseLogFilters(toSearchParams(f))).toEqual(f);
  });

  it('ignores an entry that is not a positive whole number', () => {
    expect(parseLogFilters(new URLSearchParams('entry=abc')).entry).toBeNull();
    expect(parseLogFilters(new URLSearchParams('entry=-3')).entry).toBeNull();
  });

  it('builds the BFF query, paging back with before', () => {
    const f = parseLogFilters(new URLSearchParams('recordType=feature&recordId=f1&q=%20x%20'));
    expect(toLogQuery(f, 120, 25)).toEqual({
      limit: '25',
      level: 'info,warn,error',
      q: 'x',
      recordId: 'f1',
      recordType: 'feature',
      before: '120',
    });
    expect(toLogQuery({ ...f, levels: [] }, null).level).toBe('debug,info,warn,error');
  });
});
