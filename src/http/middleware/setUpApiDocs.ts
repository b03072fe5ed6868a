// The OpenAPI document as YAML, and Swagger UI over it, registered on the app itself (see setUpHealthChecks).
import type { Express } from 'express';
import swaggerUi from 'swagger-ui-express';
import { openapiDocument, openapiText } from '../../contract/openapi';

export function setUpApiDocs(app: Express): void {
  app.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(openapiText);
  });
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(openapiDocument));
}
