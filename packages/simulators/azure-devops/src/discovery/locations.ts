/**
 * What `OPTIONS /{org}/_apis/{area}` answers: the ApiResourceLocation entries the Node client
 * looks up by GUID before filling a route template. GUIDs, templates and resource versions are
 * the service's; every released resource reports maxVersion 7.2 and releasedVersion 7.1.
 */

export interface ApiResourceLocation {
  id: string;
  area: string;
  resourceName: string;
  routeTemplate: string;
  resourceVersion: number;
  minVersion: string;
  maxVersion: string;
  releasedVersion: string;
}

type Row = [
  id: string,
  resourceName: string,
  routeTemplate: string,
  resourceVersion: number,
  minVersion: string,
  released?: boolean,
];

const AREAS: Record<string, { id: string | null; rows: Row[] }> = {
  Location: {
    id: null,
    rows: [
      [
        '00d9565f-ed9c-4a06-9a50-00e7896ccab4',
        'ConnectionData',
        '_apis/{resource}',
        1,
        '1.0',
        false,
      ],
      [
        'e81700f7-3be2-46de-8624-2eb35882fcaa',
        'ResourceAreas',
        '_apis/{resource}/{areaId}',
        1,
        '3.2',
        false,
      ],
      [
        'd810a47d-f4f4-4a62-a03f-fa1860585c4c',
        'ServiceDefinitions',
        '_apis/{resource}/{serviceType}/{identifier}',
        1,
        '1.0',
        false,
      ],
    ],
  },
  core: {
    id: '79134c72-4a58-4b42-976c-04e7115f32bf',
    rows: [
      [
        '603fe2ac-9723-48b9-88ad-09305aa6c6e1',
        'projects',
        '_apis/{resource}/{*projectId}',
        4,
        '1.0',
      ],
      [
        'd30a3dd1-f8ba-442a-b86a-bd0c0c383e59',
        'teams',
        '_apis/projects/{projectId}/{resource}/{*teamId}',
        3,
        '1.0',
      ],
      ['7a4d9ee9-3433-4347-b47a-7a80f1cf307e', 'teams', '_apis/{resource}', 3, '4.1', false],
      [
        '294c494c-2600-4d7e-b76c-3dd50c3c95be',
        'members',
        '_apis/projects/{projectId}/teams/{teamId}/{resource}',
        2,
        '1.0',
      ],
      [
        '93878975-88c5-4e6a-8abb-7ddd77a8a7d8',
        'processes',
        '_apis/process/{resource}/{*processId}',
        1,
        '1.0',
      ],
    ],
  },
  wit: {
    id: '5264459e-e5e0-4bd8-b118-0985e68a4ec5',
    rows: [
      [
        '62d3d110-0047-428c-ad3c-4fe872c91c74',
        'workItems',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the service's template, `$` included
        '{project}/_apis/{area}/{resource}/${type}',
        3,
        '1.0',
      ],
      [
        '72c7ddf8-2cdc-4f60-90cd-ab71c14a399b',
        'workItems',
        '{project}/_apis/{area}/{resource}/{id}',
        3,
        '1.0',
      ],
      [
        '908509b6-4248-4475-a1cd-829139ba419f',
        'workItemsBatch',
        '{project}/_apis/{area}/{resource}',
        1,
        '5.0',
      ],
      [
        '1a9c53f7-f243-4447-b110-35ef023636e4',
        'wiql',
        '{project}/{team}/_apis/{area}/{resource}',
        2,
        '1.0',
      ],
      [
        'a02355f5-5f8a-4671-8e32-369d23aac83d',
        'wiql',
        '{project}/{team}/_apis/{area}/{resource}/{id}',
        2,
        '1.0',
      ],
      [
        '7c8d7a76-4a09-43e8-b5df-bd792f4ac6aa',
        'workItemTypes',
        '{project}/_apis/{area}/{resource}/{type}',
        2,
        '1.0',
      ],
      [
        '7c9d7a76-4a09-43e8-b5df-bd792f4ac6aa',
        'workItemTypeStates',
        '{project}/_apis/{area}/workitemtypes/{type}/states',
        1,
        '1.0',
      ],
      [
        'bd293ce5-3d25-4192-8e67-e8092e879efb',
        'workItemTypesField',
        '{project}/_apis/{area}/workitemtypes/{type}/fields/{field}',
        3,
        '1.0',
      ],
      [
        'b51fd764-e5c2-4b9b-aaf7-3395cf4bdd94',
        'fields',
        '{project}/_apis/{area}/{resource}/{fieldNameOrRefName}',
        3,
        '1.0',
      ],
      [
        '5a172953-1b41-49d3-840a-33f79c3ce89f',
        'classificationNodes',
        '{project}/_apis/{area}/{resource}/{structureGroup}/{*path}',
        2,
        '1.0',
      ],
      [
        'a70579d1-f53a-48ee-a5be-7be8659023b9',
        'classificationNodes',
        '{project}/_apis/{area}/{resource}',
        2,
        '1.0',
      ],
      [
        'e07b5fa4-1499-494d-a496-64b860fd64ff',
        'attachments',
        '{project}/_apis/{area}/{resource}/{id}',
        3,
        '1.0',
      ],
      [
        'a00c85a5-80fa-4565-99c3-bcd2181434bb',
        'revisions',
        '{project}/_apis/{area}/workItems/{id}/revisions/{revisionNumber}',
        3,
        '1.0',
      ],
      [
        '6570bf97-d02c-4a91-8d93-3abe9895b1a9',
        'updates',
        '{project}/_apis/{area}/workItems/{id}/updates/{updateNumber}',
        4,
        '1.0',
      ],
      [
        '608aac0a-32e1-4493-a863-b9cf4566d257',
        'comments',
        '{project}/_apis/wit/workItems/{workItemId}/comments/{commentId}',
        4,
        '5.1',
        false,
      ],
      [
        'b70d8d39-926c-465e-b927-b1bf0e5ca0e0',
        'recyclebin',
        '{project}/_apis/{area}/{resource}/{id}',
        2,
        '2.1',
      ],
      [
        'f5d33bc9-5b49-4a3c-a9bd-f3cd46dd2165',
        'workItemRelationTypes',
        '_apis/{area}/{resource}/{relation}',
        2,
        '1.0',
      ],
    ],
  },
  hooks: {
    id: null,
    rows: [
      [
        'fc50d02a-849f-41fb-8af1-0a5216103269',
        'subscriptions',
        '_apis/{area}/{resource}/{subscriptionId}',
        1,
        '1.0',
      ],
      [
        'c7c3c1cf-9e05-4c0d-a425-a0f922c2c6ed',
        'subscriptionsQuery',
        '_apis/{area}/{resource}',
        1,
        '1.0',
      ],
      [
        '1139462c-7e27-4524-a997-31b9b73551fe',
        'testNotifications',
        '_apis/{area}/{resource}/{notificationId}',
        1,
        '1.0',
      ],
    ],
  },
};

/** Locations of one area (case-insensitive name), or undefined for an area the simulator lacks. */
export function locationsOf(area: string): ApiResourceLocation[] | undefined {
  const name = Object.keys(AREAS).find((k) => k.toLowerCase() === area.toLowerCase());
  if (!name) return undefined;
  return AREAS[name]!.rows.map(
    ([id, resourceName, routeTemplate, resourceVersion, minVersion, released]) => ({
      id,
      area: name,
      resourceName,
      routeTemplate,
      resourceVersion,
      minVersion,
      maxVersion: '7.2',
      releasedVersion: released === false ? '0.0' : '7.1',
    }),
  );
}

/** The areas `GET _apis/ResourceAreas` lists, each served from the organisation's own URL. */
export function resourceAreas(orgUrl: string) {
  return Object.entries(AREAS)
    .filter(([, a]) => a.id !== null)
    .map(([name, a]) => ({ id: a.id!, name, locationUrl: `${orgUrl}/` }));
}
