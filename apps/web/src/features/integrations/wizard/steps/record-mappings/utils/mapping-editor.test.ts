import type { RecordMapping } from '@tandem/contracts';
import { describe, expect, it } from 'vitest';
import {
  addField,
  changeRemoteType,
  newMapping,
  removeField,
  setStatusField,
  unmappedKinds,
  unmappedRequiredFields,
  unmappedValues,
  updateField,
} from './mapping-editor';

const feature: RecordMapping = {
  ...newMapping('feature', 'PortfolioItem/Feature'),
  fields: [
    { roadmapField: 'name', remoteField: 'Name', direction: 'both' },
    { roadmapField: 'status', remoteField: 'State', direction: 'from_remote' },
    {
      roadmapField: 'custom:risk',
      remoteField: 'c_Risk',
      direction: 'to_remote',
      valueMap: [{ roadmap: 'High', remote: 'H' }],
    },
  ],
  status: { remoteField: 'State', groups: [] },
};

const field = (name: string, extra: Partial<{ required: boolean; readOnly: boolean }> = {}) => ({
  name,
  label: name,
  required: false,
  readOnly: false,
  allowedValues: null,
  ...extra,
});

describe('mapping editor', () => {
  it('offers only kinds that are not mapped yet, in roadmap order', () => {
    expect(unmappedKinds([feature])).toEqual(['initiative', 'release', 'requirement']);
  });

  it('drops the value map when a field mapping points at another remote field', () => {
    const next = updateField(feature, 2, { remoteField: 'c_Other' });
    expect(next.fields[2]).toEqual({
      roadmapField: 'custom:risk',
      remoteField: 'c_Other',
      direction: 'to_remote',
    });
    expect(updateField(feature, 2, { direction: 'both' }).fields[2]?.valueMap).toHaveLength(1);
  });

  it('removing the status row removes the status mapping too', () => {
    expect(removeField(feature, 1).status).toBeNull();
    expect(removeField(feature, 0).status).not.toBeNull();
  });

  it('keeps status groups when the status row moves to another remote field', () => {
    const grouped = {
      ...feature,
      status: { remoteField: 'State', groups: [{ roadmapStatusId: 's1', remoteStates: ['Done'] }] },
    };
    expect(setStatusField(grouped, 'ScheduleState').status).toEqual({
      remoteField: 'ScheduleState',
      groups: [{ roadmapStatusId: 's1', remoteStates: ['Done'] }],
    });
  });

  it('lists required remote fields nothing fills on send', () => {
    const fields = [
      field('Name', { required: true }),
      field('c_Team', { required: true }),
      field('FormattedID', { required: true, readOnly: true }),
      field('Notes'),
    ];
    expect(unmappedRequiredFields(feature, fields).map((f) => f.name)).toEqual(['c_Team']);
    const filled = addField(feature, {
      roadmapField: 'custom:team',
      remoteField: 'c_Team',
      direction: 'to_remote',
    });
    expect(unmappedRequiredFields(filled, fields)).toEqual([]);
    // A field only read from the remote fills nothing on send.
    const incoming = addField(feature, {
      roadmapField: 'custom:team',
      remoteField: 'c_Team',
      direction: 'from_remote',
    });
    expect(unmappedRequiredFields(incoming, fields).map((f) => f.name)).toEqual(['c_Team']);
  });

  it('lists remote values without a roadmap value', () => {
    const risk = { ...field('c_Risk'), allowedValues: ['', 'H', 'M', 'L'] };
    expect(unmappedValues(feature.fields[2]!, risk)).toEqual(['M', 'L']);
  });

  it('a new remote type starts the mapping over, keeping the name', () => {
    const story = changeRemoteType(feature, 'HierarchicalRequirement');
    expect(story.remoteType).toBe('HierarchicalRequirement');
    expect(story.fields.map((f) => f.roadmapField)).toEqual(['name']);
    expect(story.status).toBeNull();
  });
});
