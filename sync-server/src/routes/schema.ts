import { collectionNames, collections } from '@field/shared-model';
import { Hono } from 'hono';
import { openApiDocument } from '../openapi';

/** GET /api/v1/schema (the replicated collections) and GET /api/v1/openapi.json. */
export function schemaRoutes() {
  const app = new Hono();
  app.get('/schema', (c) => c.json({
    protocol: 'field-sync/1',
    collections: collectionNames.map((name) => {
      const d = collections[name];
      return {
        name, schemaVersion: d.schemaVersion, schema: d.schema,
        serverOnlyFields: d.serverOnlyFields, idKeyedArrays: d.idKeyedArrays,
        endpoints: {
          pull: `/api/v1/sync/${name}/${d.schemaVersion}/pull`,
          push: `/api/v1/sync/${name}/${d.schemaVersion}/push`,
          stream: `/api/v1/sync/${name}/${d.schemaVersion}/stream`,
        },
      };
    }),
  }));
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  return app;
}
