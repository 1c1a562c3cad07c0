/**
 * Validation of request bodies against Discord's official OpenAPI 3.1 specification
 * (`test/data/discord-api-spec/openapi.json`), for the fake Discord fixture and for
 * network-free unit tests of message renderers.
 *
 * The spec is parsed once per process; one ajv validator is compiled lazily per
 * (operation, media type) and cached.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** A JSON Schema object as found in the spec. */
export type JsonSchema = { [keyword: string]: unknown };

/** Where the spec lives, relative to this file. */
export const DISCORD_SPEC_PATH = fileURLToPath(
  new URL('../data/discord-api-spec/openapi.json', import.meta.url),
);

/** The `$id` under which the spec's components are registered in ajv. */
const SPEC_ID = 'https://discord.test/openapi.json';

const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** MessageFlags.IsComponentsV2 (1 << 15). */
const IS_COMPONENTS_V2 = 1 << 15;

interface OpenApiMediaType {
  schema?: JsonSchema;
}

interface OpenApiOperation {
  operationId?: string;
  requestBody?: { required?: boolean; content?: Record<string, OpenApiMediaType> };
}

/** The parts of the OpenAPI document this module reads. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, JsonSchema> };
}

/** One operation of the spec, found by method and concrete path. */
export interface SpecOperation {
  /** Upper-case HTTP method. */
  method: string;
  /** The spec's path template, e.g. `/interactions/{interaction_id}/{interaction_token}/callback`. */
  specPath: string;
  /** The spec's operationId, e.g. `create_interaction_response`. */
  operationId: string;
  /** Media types for which the spec gives a request body schema. */
  bodyMediaTypes: string[];
  /** Whether the spec marks the request body as required. */
  bodyRequired: boolean;
  /** Values of the template's `{parameters}` taken from the concrete path. */
  params: Record<string, string>;
}

/** One reason a body was rejected. */
export interface SpecValidationIssue {
  /** `openapi` for a violation of the spec's schema; `discord-limit` for a documented Discord limit the spec does not encode. */
  source: 'openapi' | 'discord-limit';
  /** JSON pointer into the body, `''` for the root. */
  instancePath: string;
  /** The failing JSON Schema keyword (or a short rule name for `discord-limit`). */
  keyword: string;
  /** Human-readable message, e.g. `must NOT have more than 4096 characters`. */
  message: string;
  /** Keyword parameters as reported by ajv. */
  params?: Record<string, unknown>;
  /** Where in the schema the failing keyword is. */
  schemaPath?: string;
}

/** The outcome of validating one body. */
export interface SpecValidationResult {
  method: string;
  specPath: string;
  operationId: string;
  /** Media type whose schema was used (`application/json` or `multipart/form-data`). */
  mediaType: string | null;
  /** False when the spec has no body schema for this operation (nothing was checked). */
  checked: boolean;
  valid: boolean;
  /** Most relevant issues first (see {@link formatValidationIssues}). */
  issues: SpecValidationIssue[];
  /** Raw ajv errors, for debugging. */
  ajvErrors: ErrorObject[];
  /** Set when ajv could not compile the spec's schema (the body was then not checked). */
  compileError?: string;
}

/** Options of {@link validateAgainstSpec}. */
export interface SpecValidationOptions {
  /** How the body was sent; for `multipart/form-data` pass the parsed `payload_json`. Default `application/json`. */
  contentType?: string;
  /** Also check documented Discord limits the spec does not encode (5 action rows, 6000 embed characters...). Default true. */
  documentedLimits?: boolean;
}

interface RouteTemplate {
  specPath: string;
  regex: RegExp;
  paramNames: string[];
  literalSegments: number;
  operations: Map<string, OpenApiOperation>;
}

interface LoadedSpec {
  doc: OpenApiDocument;
  routes: RouteTemplate[];
  ajv: Ajv2020;
  validators: Map<string, ValidateFunction>;
}

let loaded: LoadedSpec | undefined;

/** Parses the spec file (once per process) and returns the raw document. */
export function loadDiscordSpec(): OpenApiDocument {
  return getSpec().doc;
}

function getSpec(): LoadedSpec {
  if (loaded) return loaded;
  const doc = JSON.parse(readFileSync(DISCORD_SPEC_PATH, 'utf8')) as OpenApiDocument;
  patchSpecQuirks(doc.components.schemas);
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    doc.components.schemas[name] = discriminateUnions(schema, doc.components.schemas) as JsonSchema;
  }

  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  const addFormats = addFormatsModule.default;
  addFormats(ajv);
  // Discord-specific format names; unknown formats would otherwise be silently ignored.
  ajv.addFormat('snowflake', /^(0|[1-9][0-9]*)$/);
  ajv.addFormat('nonce', true);
  // Only the schemas are registered: the rest of the document (paths, headers...) is not JSON Schema.
  ajv.addSchema({ $id: SPEC_ID, components: { schemas: doc.components.schemas } });

  loaded = { doc, routes: buildRoutes(doc), ajv, validators: new Map() };
  return loaded;
}

/**
 * Narrow corrections where the spec contradicts what Discord accepts and documents, so that a
 * correct discord.js body is not reported as invalid.
 */
function patchSpecQuirks(schemas: Record<string, JsonSchema>): void {
  // The spec types `default_member_permissions` as an integer, but Discord documents it as a
  // "string" bitfield and @discordjs/builders (SlashCommandBuilder.setDefaultMemberPermissions)
  // always sends a decimal string. Accept a decimal string too; keep the integer branch as is.
  for (const name of [
    'ApplicationCommandCreateRequest',
    'ApplicationCommandUpdateRequest',
    'ApplicationCommandPatchRequestPartial',
  ]) {
    const properties = schemas[name]?.properties as Record<string, JsonSchema> | undefined;
    const original = properties?.default_member_permissions;
    if (properties && original) {
      properties.default_member_permissions = {
        anyOf: [original, { type: 'string', pattern: '^[0-9]{1,20}$' }],
      };
    }
  }
}

function buildRoutes(doc: OpenApiDocument): RouteTemplate[] {
  const routes: RouteTemplate[] = [];
  for (const [specPath, item] of Object.entries(doc.paths)) {
    const paramNames: string[] = [];
    let literalSegments = 0;
    const pattern = specPath
      .split('/')
      .map((segment) => {
        const param = /^\{(\w+)\}$/.exec(segment);
        if (param?.[1]) {
          paramNames.push(param[1]);
          return '([^/]+)';
        }
        if (segment) literalSegments++;
        return escapeRegExp(segment);
      })
      .join('/');
    const operations = new Map<string, OpenApiOperation>();
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (operation && typeof operation === 'object')
        operations.set(method.toUpperCase(), operation as OpenApiOperation);
    }
    routes.push({ specPath, regex: new RegExp(`^${pattern}$`), paramNames, literalSegments, operations });
  }
  // A literal segment beats a parameter: `/messages/@original` must win over `/messages/{message_id}`.
  routes.sort((a, b) => b.literalSegments - a.literalSegments);
  return routes;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Turns a request path as sent on the wire into the form the spec uses: query dropped,
 * `/api` and `/v10` prefixes removed, each segment percent-decoded (`%40original` → `@original`).
 */
export function normalizeApiPath(rawPath: string): string {
  const withoutQuery = rawPath.split('?')[0] ?? '';
  const decoded = withoutQuery
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
  const stripped = decoded.replace(/^\/api(?=\/|$)/, '').replace(/^\/v\d+(?=\/|$)/, '');
  if (stripped === '' || stripped === '/') return '/';
  return stripped.replace(/\/+$/, '');
}

/** Finds the spec operation for a method and a concrete path (`/api/v10/...`, `/v10/...` or `/...`), if any. */
export function findSpecOperation(method: string, path: string): SpecOperation | undefined {
  const upper = method.toUpperCase();
  const normalized = normalizeApiPath(path);
  for (const route of getSpec().routes) {
    const match = route.regex.exec(normalized);
    if (!match) continue;
    const operation = route.operations.get(upper);
    // Keep looking: a less specific template may define this method.
    if (!operation) continue;
    const params: Record<string, string> = {};
    route.paramNames.forEach((name, index) => {
      params[name] = match[index + 1] ?? '';
    });
    const content = operation.requestBody?.content ?? {};
    return {
      method: upper,
      specPath: route.specPath,
      operationId: operation.operationId ?? `${upper} ${route.specPath}`,
      bodyMediaTypes: Object.keys(content).filter((type) => content[type]?.schema),
      bodyRequired: operation.requestBody?.required ?? false,
      params,
    };
  }
  return undefined;
}

/**
 * Validates `body` against the request body schema of the spec operation matching `method` + `path`.
 * Throws when no spec operation matches (so a typo in a unit test cannot pass silently).
 * For multipart requests pass the parsed `payload_json` and `contentType: 'multipart/form-data'`.
 */
export function validateAgainstSpec(
  method: string,
  path: string,
  body: unknown,
  options: SpecValidationOptions = {},
): SpecValidationResult {
  const operation = findSpecOperation(method, path);
  if (!operation) {
    throw new Error(
      `No operation in Discord's OpenAPI spec matches ${method.toUpperCase()} ${normalizeApiPath(path)}`,
    );
  }
  return validateOperationBody(operation, body, options);
}

/** Validates a body against an operation already found with {@link findSpecOperation}. */
export function validateOperationBody(
  operation: SpecOperation,
  body: unknown,
  options: SpecValidationOptions = {},
): SpecValidationResult {
  const mediaType = pickMediaType(operation, options.contentType);
  const base = {
    method: operation.method,
    specPath: operation.specPath,
    operationId: operation.operationId,
    mediaType,
  };
  if (!mediaType) return { ...base, checked: false, valid: true, issues: [], ajvErrors: [] };

  let validate: ValidateFunction;
  try {
    validate = getValidator(operation, mediaType);
  } catch (error) {
    // Better an unchecked body (reported in `compileError`) than a fixture that crashes on one odd schema.
    return {
      ...base,
      checked: false,
      valid: true,
      issues: [],
      ajvErrors: [],
      compileError: (error as Error).message,
    };
  }
  const schemaOk = validate(body);
  const ajvErrors = schemaOk ? [] : [...(validate.errors ?? [])];
  const issues = [...relevantIssues(ajvErrors)];
  if (options.documentedLimits ?? true) issues.push(...checkDocumentedLimits(operation.operationId, body));
  return { ...base, checked: true, valid: issues.length === 0, issues, ajvErrors };
}

function pickMediaType(operation: SpecOperation, contentType: string | undefined): string | null {
  const types = operation.bodyMediaTypes;
  if (types.length === 0) return null;
  const wanted = (contentType ?? 'application/json').split(';')[0]?.trim().toLowerCase() ?? '';
  // The spec's multipart schema describes the same fields as the JSON one (plus `files[n]`);
  // discord.js puts those fields in `payload_json`, which is what gets validated.
  if (types.includes(wanted)) return wanted;
  if (types.includes('application/json')) return 'application/json';
  return types[0] ?? null;
}

function getValidator(operation: SpecOperation, mediaType: string): ValidateFunction {
  const spec = getSpec();
  const key = `${operation.method} ${operation.specPath} ${mediaType}`;
  const cached = spec.validators.get(key);
  if (cached) return cached;
  const pathItem = spec.doc.paths[operation.specPath] as Record<string, OpenApiOperation>;
  const schema = pathItem[operation.method.toLowerCase()]?.requestBody?.content?.[mediaType]?.schema;
  if (!schema) throw new Error(`The spec has no ${mediaType} body schema for ${key}`);
  const validate = spec.ajv.compile(
    rewriteRefs(discriminateUnions(schema, spec.doc.components.schemas)) as JsonSchema,
  );
  spec.validators.set(key, validate);
  return validate;
}

/** Copies an operation's schema with its `#/components/...` refs pointed at the registered spec. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    // The spec emits `enum: []` next to an `allOf` $ref (guild join-request `action`): ajv refuses
    // to compile an empty enum, and the $ref alone still constrains the value.
    if (key === 'enum' && Array.isArray(inner) && inner.length === 0) continue;
    out[key] =
      key === '$ref' && typeof inner === 'string' && inner.startsWith('#/')
        ? `${SPEC_ID}${inner}`
        : rewriteRefs(inner);
  }
  return out;
}

/**
 * Rewrites `oneOf`/`anyOf` unions whose branches are all object schemas told apart by a required
 * `type` property with disjoint values (interaction callbacks, message components, command
 * options) into `if type ∈ … then $ref` chains. This accepts exactly the same bodies, but ajv then
 * reports only the errors of the branch the body meant (e.g. the action row with 6 buttons) instead
 * of "missing property" errors from every other branch.
 */
function discriminateUnions(value: unknown, schemas: Record<string, JsonSchema>): unknown {
  if (Array.isArray(value)) return value.map((item) => discriminateUnions(item, schemas));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[key] = discriminateUnions(inner, schemas);

  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = out[keyword];
    if (!Array.isArray(branches) || branches.length < 2) continue;
    const discriminated = branches.map((branch) => typeDiscriminator(branch, schemas));
    if (discriminated.some((d) => d === undefined)) continue;
    const all = discriminated.flatMap((d) => d!.values);
    if (new Set(all.map((v) => JSON.stringify(v))).size !== all.length) continue;
    delete out[keyword];
    const guard = { type: 'object', required: ['type'], properties: { type: { enum: all } } };
    const chain = discriminated.map((d) => ({
      if: { required: ['type'], properties: { type: { enum: d!.values } } },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable
      then: { $ref: d!.ref },
    }));
    const existing = Array.isArray(out.allOf) ? out.allOf : [];
    out.allOf = [...existing, guard, ...chain];
  }
  return out;
}

function typeDiscriminator(
  branch: unknown,
  schemas: Record<string, JsonSchema>,
): { ref: string; values: unknown[] } | undefined {
  if (!isObject(branch) || typeof branch.$ref !== 'string' || Object.keys(branch).length !== 1)
    return undefined;
  const match = /^#\/components\/schemas\/([^/]+)$/.exec(branch.$ref);
  const target = match?.[1] ? schemas[match[1]] : undefined;
  if (target?.type !== 'object' || !Array.isArray(target.required) || !target.required.includes('type'))
    return undefined;
  const typeSchema = (target.properties as Record<string, JsonSchema> | undefined)?.type;
  if (!typeSchema) return undefined;
  const values = Array.isArray(typeSchema.enum)
    ? typeSchema.enum
    : 'const' in typeSchema
      ? [typeSchema.const]
      : undefined;
  if (!values || values.length === 0) return undefined;
  return { ref: branch.$ref, values };
}

/**
 * ajv reports the failures of every branch of the spec's `anyOf`/`oneOf` unions. Keep what points at
 * the real problem: drop branch-mismatch noise (`type` discriminators, union wrappers) when a more
 * specific error exists, and list the deepest errors first.
 */
function relevantIssues(errors: ErrorObject[]): SpecValidationIssue[] {
  const all = errors.map(toIssue);
  const isNoise = (issue: SpecValidationIssue): boolean =>
    ['anyOf', 'oneOf', 'if', 'allOf'].includes(issue.keyword) ||
    // "must be null" comes from the `{type: 'null'}` branch of nullable unions.
    (issue.keyword === 'type' && issue.params?.type === 'null') ||
    (['enum', 'const'].includes(issue.keyword) && /\/type$/.test(issue.instancePath));
  const specific = all.filter((issue) => !isNoise(issue));
  const chosen = mergeConstAlternatives(specific.length > 0 ? specific : all);
  const seen = new Set<string>();
  const unique = chosen.filter((issue) => {
    const key = `${issue.instancePath}|${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const depth = (issue: SpecValidationIssue): number => issue.instancePath.split('/').length;
  return unique.sort((a, b) => depth(b) - depth(a));
}

/** The spec writes enums as `oneOf` of `const`s; report "must be one of …" once instead of one error per constant. */
function mergeConstAlternatives(issues: SpecValidationIssue[]): SpecValidationIssue[] {
  const byPath = new Map<string, unknown[]>();
  for (const issue of issues) {
    if (issue.keyword !== 'const') continue;
    const values = byPath.get(issue.instancePath) ?? [];
    const value = issue.params?.allowedValue;
    // The same union can be reached through several branches of an outer anyOf.
    if (!values.some((known) => JSON.stringify(known) === JSON.stringify(value))) values.push(value);
    byPath.set(issue.instancePath, values);
  }
  const merged: SpecValidationIssue[] = [];
  for (const issue of issues) {
    const values = issue.keyword === 'const' ? byPath.get(issue.instancePath) : undefined;
    if (!values) {
      merged.push(issue);
    } else if (values.length > 0) {
      const list = values.map((value) => JSON.stringify(value)).join(', ');
      merged.push({
        ...issue,
        message: values.length > 1 ? `must be one of ${list}` : `must be equal to ${list}`,
        params: { allowedValues: values },
      });
      byPath.set(issue.instancePath, []);
    }
  }
  return merged;
}

function toIssue(error: ErrorObject): SpecValidationIssue {
  let message = error.message ?? error.keyword;
  if (error.keyword === 'enum' && Array.isArray(error.params.allowedValues)) {
    message += ` (${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')})`;
  }
  return {
    source: 'openapi',
    instancePath: error.instancePath,
    keyword: error.keyword,
    message,
    params: error.params as Record<string, unknown>,
    schemaPath: error.schemaPath,
  };
}

const MESSAGE_OPERATIONS = new Set([
  'create_message',
  'update_message',
  'execute_webhook',
  'update_original_webhook_message',
  'update_webhook_message',
  'create_interaction_response',
]);

/**
 * Limits from Discord's documentation that the OpenAPI spec does not express: its `components`
 * allows 40 top-level items (the Components V2 total), but a message without the IS_COMPONENTS_V2
 * flag may only carry up to 5 action rows; embeds share a 6000-character budget; V2 messages
 * cannot have `content` or `embeds`.
 */
export function checkDocumentedLimits(operationId: string, body: unknown): SpecValidationIssue[] {
  if (!MESSAGE_OPERATIONS.has(operationId) || !isObject(body)) return [];
  let payload: Record<string, unknown> = body;
  let prefix = '';
  if (operationId === 'create_interaction_response') {
    // Only CHANNEL_MESSAGE_WITH_SOURCE (4) and UPDATE_MESSAGE (7) carry a message.
    if (!(body.type === 4 || body.type === 7) || !isObject(body.data)) return [];
    payload = body.data;
    prefix = '/data';
  }
  const issues: SpecValidationIssue[] = [];
  const limit = (instancePath: string, keyword: string, message: string): void => {
    issues.push({ source: 'discord-limit', instancePath: prefix + instancePath, keyword, message });
  };

  const flags = typeof payload.flags === 'number' ? payload.flags : 0;
  const isV2 = (flags & IS_COMPONENTS_V2) !== 0;
  const components = Array.isArray(payload.components) ? payload.components : [];
  if (!isV2) {
    if (components.length > 5) {
      limit(
        '/components',
        'maxActionRows',
        `must NOT have more than 5 action rows without the IS_COMPONENTS_V2 flag (got ${components.length})`,
      );
    }
    components.forEach((component, index) => {
      if (isObject(component) && component.type !== 1) {
        limit(
          `/components/${index}/type`,
          'actionRowOnly',
          `top-level components must be action rows (type 1) without the IS_COMPONENTS_V2 flag (got type ${String(component.type)})`,
        );
      }
    });
  } else {
    if (typeof payload.content === 'string' && payload.content.length > 0) {
      limit('/content', 'componentsV2', 'content cannot be used with the IS_COMPONENTS_V2 flag');
    }
    if (Array.isArray(payload.embeds) && payload.embeds.length > 0) {
      limit('/embeds', 'componentsV2', 'embeds cannot be used with the IS_COMPONENTS_V2 flag');
    }
  }

  if (Array.isArray(payload.embeds)) {
    const total = payload.embeds.reduce<number>((sum, embed) => sum + embedTextLength(embed), 0);
    if (total > 6000)
      limit(
        '/embeds',
        'embedTotalLength',
        `embeds must NOT have more than 6000 characters in total (got ${total})`,
      );
  }
  return issues;
}

function embedTextLength(embed: unknown): number {
  if (!isObject(embed)) return 0;
  const text = (value: unknown): number => (typeof value === 'string' ? value.length : 0);
  let total = text(embed.title) + text(embed.description);
  if (isObject(embed.footer)) total += text(embed.footer.text);
  if (isObject(embed.author)) total += text(embed.author.name);
  if (Array.isArray(embed.fields)) {
    for (const field of embed.fields) if (isObject(field)) total += text(field.name) + text(field.value);
  }
  return total;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Renders issues as indented lines, at most `max` of them. */
export function formatValidationIssues(issues: SpecValidationIssue[], max = 8): string {
  const lines = issues.slice(0, max).map((issue) => {
    const where = issue.instancePath === '' ? '(body)' : issue.instancePath;
    const tag = issue.source === 'discord-limit' ? ' [documented Discord limit]' : '';
    return `  - ${where} ${issue.message}${tag}`;
  });
  if (issues.length > max) lines.push(`  … and ${issues.length - max} more`);
  return lines.join('\n');
}

/** A short JSON rendering of a body: long strings are elided with their length, the whole is cut at `maxLength`. */
export function bodyExcerpt(body: unknown, maxLength = 600): string {
  let json: string;
  try {
    json =
      JSON.stringify(body, (_key, value: unknown) =>
        typeof value === 'string' && value.length > 80
          ? `${value.slice(0, 40)}…(${value.length} chars)`
          : value,
      ) ?? String(body);
  } catch {
    json = String(body);
  }
  return json.length > maxLength ? `${json.slice(0, maxLength)}…` : json;
}

/** One-paragraph description of a failed validation: route, issues and a body excerpt. */
export function describeValidationFailure(result: SpecValidationResult, body: unknown): string {
  return [
    `${result.method} ${result.specPath} (${result.operationId}) does not match Discord's OpenAPI spec:`,
    formatValidationIssues(result.issues),
    `  body: ${bodyExcerpt(body)}`,
  ].join('\n');
}
