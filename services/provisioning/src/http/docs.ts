/**
 * OpenAPI at /docs (Swagger UI) and /docs/openapi.json. Swagger UI on Fastify needs
 * @fastify/static, whose dependencies are ESM-only: Node loads them, Jest's loader on Node 20
 * cannot (and Nest would exit the process). So the UI is mounted when the package loads, and
 * otherwise /docs is a small page pointing at the JSON document, which is always served.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { buildOpenApiDocument } from './openapi/document.js';

async function staticServingWorks(): Promise<boolean> {
  try {
    await import('@fastify/static');
    return true;
  } catch {
    return false;
  }
}

export async function mountDocs(app: NestFastifyApplication): Promise<void> {
  const document = buildOpenApiDocument(app);
  const ui = await staticServingWorks();
  SwaggerModule.setup('docs', app, document, { ui, raw: ['json'], jsonDocumentUrl: 'docs/openapi.json' });
  if (!ui) {
    app
      .getHttpAdapter()
      .getInstance()
      .get('/docs', async (_req, reply) => {
        reply
          .type('text/html; charset=utf-8')
          .send('<!doctype html><title>Tenant provisioning API</title><h1>Tenant provisioning API</h1>' + '<p>The OpenAPI document is at <a href="/docs/openapi.json">/docs/openapi.json</a>.</p>');
      });
  }
}
