// The OpenAPI document as YAML, and Swagger UI over it, registered on the app itself (see setUpHealthChecks).
import { Router, type Express } from 'express';
import swaggerUi from 'swagger-ui-express';
import { openapiDocument, openapiText } from '../../contract/openapi';

export function setUpApiDocs(app: Express): void {
  app.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(openapiText);
  });
  const docs = Router().use(swaggerUi.serve, swaggerUi.setup(openapiDocument));
  // Swagger UI's static files answer any method; another method than GET goes on to the 405.
  app.use('/docs', (req, res, next) =>
    req.method === 'GET' || req.method === 'HEAD' ? docs(req, res, next) : next(),
  );
}
