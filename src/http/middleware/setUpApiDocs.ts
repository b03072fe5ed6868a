// The OpenAPI document as YAML, and Swagger UI over it, registered on the app itself (see setUpHealthChecks).
import { Router, type Express } from 'express';
import { openapiDocument, openapiText } from '../../contract/openapi';

export function setUpApiDocs(app: Express): void {
  app.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(openapiText);
  });
  // Swagger UI loads with the first visit to /docs rather than at start-up, where it cost a tenth of a second.
  let docs: Promise<Router> | undefined;
  const docsRouter = async () => {
    const { default: swaggerUi } = await import('swagger-ui-express');
    return Router().use(swaggerUi.serve, swaggerUi.setup(openapiDocument));
  };
  // Swagger UI's static files answer any method; another method than GET goes on to the 405.
  app.use('/docs', async (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    (await (docs ??= docsRouter()))(req, res, next);
  });
}
