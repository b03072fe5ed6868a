// The OpenAPI document as YAML, and Swagger UI over it.
import { Router } from 'express';
import swaggerUi from 'swagger-ui-express';
import { openapiDocument, openapiText } from '../../contract/openapi';

export function setUpApiDocs(): Router {
  const router = Router();
  router.get('/openapi.yaml', (_req, res) => {
    res.type('application/yaml').send(openapiText);
  });
  router.use('/docs', swaggerUi.serve, swaggerUi.setup(openapiDocument));
  return router;
}
