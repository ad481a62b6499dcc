/**
 * Saved queries and ad hoc Cypher:
 * `GET /api/queries`, `GET /api/queries/:name`, `POST /api/queries/:name/run`,
 * `POST /api/queries` (save), `DELETE /api/queries/:name`, `POST /api/cypher`,
 * and files: `GET /api/queries/export` (bundle), `GET /api/queries/:name/export`,
 * `POST /api/queries/import` (JSON bundle or file, or a `.cypher` text).
 * Saving, deleting and importing need the admin token; running does not.
 */
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import {
  cypherRequest,
  exportBundleQuery,
  exportQuery,
  queryBundle,
  queryFile,
  queryNameParam,
  runQueryRequest,
  saveQueryRequest,
} from '../contract/queries.js';
import { emptyQuery } from '../contract/api.js';
import { invalidRequest } from '../errors.js';
import type { QueryService } from '../services/queries/query-service.js';
import { requireAdmin } from './admin-auth.js';
import { parseOrThrow } from '../validate.js';

/** Content types taken as a `.cypher` file on import. */
const CYPHER_TYPES = ['text/plain', 'text/x-cypher', 'application/x-cypher'];

const importBody = z.union([queryBundle, queryFile]);

/** A JSON body, or `{}` when the request had none. */
const body = (req: Request): unknown => req.body ?? {};

export function queryRoutes(queries: QueryService, adminToken: string | undefined): Router {
  const router = Router();
  const admin = requireAdmin(adminToken, 'Saving, deleting and importing queries', 'クエリの保存・削除・取り込み');

  router.get('/queries', async (req, res) => {
    parseOrThrow(emptyQuery, req.query, 'query parameter');
    res.json(await queries.list());
  });

  router.get('/queries/export', async (req, res) => {
    const { scope } = parseOrThrow(exportBundleQuery, req.query, 'query parameter');
    const bundle = await queries.exportBundle(scope);
    res.attachment(`rolepath-queries-${scope}.json`).json(bundle);
  });

  router.post('/queries/import', admin, express.text({ type: CYPHER_TYPES, limit: '1mb' }), async (req, res) => {
    if (typeof req.body === 'string') {
      res.json(await queries.import(req.body));
      return;
    }
    if (!req.is('application/json')) {
      throw invalidRequest('Send a JSON query file or bundle (application/json) or a .cypher file (text/plain).', [{ field: 'body' }]);
    }
    const parsed = parseOrThrow(importBody, req.body, 'query file');
    res.json(await queries.import('queries' in parsed ? parsed.queries : [parsed]));
  });

  router.post('/queries', admin, async (req, res) => {
    const request = parseOrThrow(saveQueryRequest, body(req), 'field');
    const { query, created } = await queries.save(request);
    res.status(created ? 201 : 200).json(query);
  });

  router.get('/queries/:name', async (req, res) => {
    const { name } = parseOrThrow(queryNameParam, req.params, 'path parameter');
    parseOrThrow(emptyQuery, req.query, 'query parameter');
    res.json(await queries.get(name));
  });

  router.get('/queries/:name/export', async (req, res) => {
    const { name } = parseOrThrow(queryNameParam, req.params, 'path parameter');
    const { format, engine } = parseOrThrow(exportQuery, req.query, 'query parameter');
    const file = await queries.exportOne(name, format, engine);
    res.attachment(file.filename).type(file.contentType).send(file.body);
  });

  router.post('/queries/:name/run', async (req, res) => {
    const { name } = parseOrThrow(queryNameParam, req.params, 'path parameter');
    const { params } = parseOrThrow(runQueryRequest, body(req), 'field');
    res.json(await queries.run(name, params));
  });

  router.delete('/queries/:name', admin, async (req, res) => {
    const { name } = parseOrThrow(queryNameParam, req.params, 'path parameter');
    await queries.delete(name);
    res.status(204).end();
  });

  router.post('/cypher', async (req, res) => {
    const { cypher, params } = parseOrThrow(cypherRequest, body(req), 'field');
    res.json(await queries.runAdHoc(cypher, params));
  });

  return router;
}
