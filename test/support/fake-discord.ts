/**
 * A local fake of the Discord API for end-to-end tests with the real discord.js `Client`:
 * an HTTP server for REST (`http://127.0.0.1:PORT/api/v10/...`) and a WebSocket gateway on the
 * same port, both bound to 127.0.0.1 on an ephemeral port.
 *
 * ```ts
 * const fake = await startFakeDiscord();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restUrl } });
 * client.on(Events.InteractionCreate, async (i) => { if (i.isChatInputCommand()) await i.reply('hi'); });
 * await client.login(fake.token);
 * await waitForClientReady(client);
 * const { id } = fake.sendInteraction({ commandName: 'ask' });
 * await fake.waitForRequest((r) => r.interactionId === id && r.status === 204);
 * fake.assertAllValid();
 * await destroyClient(client);
 * await fake.stop();
 * ```
 *
 * Every request is recorded (authorization redacted) and every request body the spec describes is
 * validated against Discord's OpenAPI spec (see ./openapi.ts).
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Status, type Client } from 'discord.js';
import { WebSocket as WsSocket, WebSocketServer, type RawData } from 'ws';
import {
  describeValidationFailure,
  findSpecOperation,
  normalizeApiPath,
  validateOperationBody,
  type SpecValidationResult,
} from './openapi.js';

/** A JSON object as exchanged with Discord. */
export type JsonObject = Record<string, unknown>;

const DISCORD_EPOCH = 1420070400000n;

const GatewayOp = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

const Intent = {
  Guilds: 1 << 0,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

const MessageFlag = {
  HasThread: 1 << 5,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
} as const;

/** Permission bit numbers the fake checks (see `enforcePermissions`). */
const PermissionBit = {
  ViewChannel: 10,
  SendMessages: 11,
  ManageMessages: 13,
  EmbedLinks: 14,
  ReadMessageHistory: 16,
  ManageThreads: 34,
  CreatePublicThreads: 35,
  CreatePrivateThreads: 36,
  SendMessagesInThreads: 38,
} as const;

/** Close codes after which Discord does not let the session be resumed. */
const NON_RESUMABLE_CLOSE_CODES = new Set([1000, 1001, 4004, 4007, 4010, 4011, 4012, 4013, 4014]);

function permissions(...bits: number[]): string {
  return bits.reduce((acc, bit) => acc | (1n << BigInt(bit)), 0n).toString();
}

/** AddReactions, ViewChannel, SendMessages, EmbedLinks, AttachFiles, ReadMessageHistory, UseExternalEmojis, UseApplicationCommands, CreatePublicThreads, SendMessagesInThreads. */
const MEMBER_PERMISSIONS = permissions(6, 10, 11, 14, 15, 16, 18, 31, 35, 38);
/** The member permissions plus ManageMessages and ManageThreads. */
const BOT_PERMISSIONS = permissions(6, 10, 11, 13, 14, 15, 16, 18, 31, 34, 35, 38);

let snowflakeIncrement = 0;

/** A new Discord snowflake (17–19 digits, as @discordjs/rest expects for major parameters). */
export function snowflake(at: number = Date.now()): string {
  snowflakeIncrement = (snowflakeIncrement + 1) & 0xfff;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | BigInt(snowflakeIncrement)).toString();
}

function snowflakeTime(id: string): number {
  return /^\d{15,20}$/.test(id) ? Number((BigInt(id) >> 22n) + DISCORD_EPOCH) : Date.now();
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function objects(value: unknown): JsonObject[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A guild to create; every field is optional and merged over sensible defaults. */
export interface FakeGuildInit extends JsonObject {
  id?: string;
  name?: string;
  /** Partial channel objects; default: one text channel `newsroom`. `guild_id`, ids etc. are filled in. */
  channels?: JsonObject[];
  /** Partial roles; the `@everyone` role (id = guild id) is always added. */
  roles?: JsonObject[];
  /** Partial members (`{ user: {...}, roles: [...] }`); the bot and the default user are always members. */
  members?: JsonObject[];
}

/** Options of {@link startFakeDiscord}. */
export interface FakeDiscordOptions {
  /** The bot token the fake accepts (REST `Authorization: Bot <token>` and gateway IDENTIFY). Default: random. */
  token?: string;
  /** Application id, also the bot user's id. Default: a new snowflake. */
  applicationId?: string;
  /** Fields merged over the bot user object. */
  botUser?: JsonObject;
  /** Fields merged over the default human user who sends interactions and messages. */
  user?: JsonObject;
  /** `application.flags` in READY. Default 0. */
  applicationFlags?: number;
  /** Guilds the bot is in. Default: one guild with one text channel. */
  guilds?: FakeGuildInit[];
  /** HELLO `heartbeat_interval` in ms. Default 41250 (Discord's value). */
  heartbeatIntervalMs?: number;
  /** Validate request bodies against the OpenAPI spec. Default true. */
  validate?: boolean;
  /**
   * Answer spec-invalid bodies with Discord's 400 `Invalid Form Body` (50035), as Discord does.
   * Default true: a bot that sends an invalid body must see it fail. False only records them
   * (for tests of the recording itself).
   */
  rejectInvalidBodies?: boolean;
  /**
   * Apply Discord's intent rules: GUILD_CREATE only with GUILDS, MESSAGE_CREATE only with
   * GUILD_MESSAGES / DIRECT_MESSAGES, message content stripped without MESSAGE_CONTENT. Default true.
   */
  enforceIntents?: boolean;
  /**
   * Apply Discord's channel permissions to the bot's own REST calls (roles, then the channel's
   * permission overwrites; threads take their parent's): sending needs View Channel and Send
   * Messages (Send Messages in Threads in a thread), embeds Embed Links, a reply Read Message
   * History, a thread Create Public Threads, deleting a thread Manage Threads. A missing one is
   * Discord's 403 `Missing Permissions` (50013). Default true.
   */
  enforcePermissions?: boolean;
  /** `shards` in `GET /gateway/bot`: the shard count Discord recommends. Default 1. */
  recommendedShards?: number;
}

/** A file part of a multipart request. */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

/** One HTTP request received by the fake. */
export interface RecordedRequest {
  /** Arrival order, from 1. */
  seq: number;
  /** Upper-case HTTP method. */
  method: string;
  /** Decoded path relative to the API version, e.g. `/webhooks/1/tok/messages/@original`. */
  path: string;
  /** The request target exactly as received, e.g. `/api/v10/webhooks/1/tok/messages/%40original?wait=true`. */
  rawUrl: string;
  /** The `/vN` of the URL, null when absent. */
  apiVersion: number | null;
  query: Record<string, string>;
  /** Lower-cased request headers, without `authorization` (see {@link RecordedRequest.auth}). */
  headers: Record<string, string>;
  /** Whether an Authorization header was sent and carried the configured token; its value is never stored. */
  auth: 'none' | 'valid' | 'invalid';
  contentType: string | null;
  /** Parsed JSON body; for multipart, the parsed `payload_json`; raw text otherwise; undefined when empty. */
  body: unknown;
  /** File parts of a multipart body. */
  files: RecordedFile[];
  /** Date.now() at arrival. */
  receivedAt: number;
  /** performance.now() at arrival. */
  time: number;
  /** The fake's route pattern that handled the request, null for an unknown route. */
  route: string | null;
  /** HTTP status sent; undefined while the request is pending. */
  status?: number;
  responseBody?: unknown;
  /** performance.now() when the response was sent. */
  respondedTime?: number;
  /** Why the fake failed the request on purpose. */
  injected?: 'rate-limit' | 'server-error' | 'custom' | 'unknown-interaction';
  /** Artificial delay applied, in ms. */
  delayedMs?: number;
  /** The spec operation matching method + path, if any. */
  operation?: { specPath: string; operationId: string };
  /** Validation of the body against the spec, when the spec describes a body for this operation. */
  validation?: SpecValidationResult;
  /** Set for requests about an interaction: callback, original message, follow-ups. */
  interactionId?: string;
}

/** A request whose body does not match the spec. */
export interface ValidationFailure {
  request: RecordedRequest;
  result: SpecValidationResult;
  /** Route, issues and a body excerpt, ready to print. */
  message: string;
}

/** One gateway event: a connection opening or closing, or a payload in either direction. */
export interface GatewayLogEntry {
  kind: 'open' | 'payload' | 'close';
  /** For payloads: `in` = sent by the client, `out` = sent by the fake. */
  direction?: 'in' | 'out';
  connectionId: number;
  sessionId: string | null;
  op?: number;
  t?: string | null;
  s?: number | null;
  /** Payload data; `token` fields of IDENTIFY/RESUME are replaced by `[redacted]`. */
  d?: unknown;
  code?: number;
  reason?: string;
  closedBy?: 'client' | 'server';
  /** performance.now() */
  time: number;
}

/** An IDENTIFY the fake received. */
export interface IdentifyRecord {
  connectionId: number;
  token: string;
  intents: number;
  shard: [number, number] | null;
  properties: unknown;
  presence: unknown;
  accepted: boolean;
  sessionId: string | null;
  time: number;
}

/** Public view of a gateway session. */
export interface GatewaySessionInfo {
  sessionId: string;
  intents: number;
  /** Last sequence number sent in this session. */
  seq: number;
  /** Whether a socket is currently attached. */
  connected: boolean;
  /** True once the session can no longer be resumed. */
  ended: boolean;
  /** How many times it was resumed. */
  resumes: number;
}

/** Which requests a fault or delay applies to. */
export type RouteMatcher = string | RegExp | ((request: RecordedRequest) => boolean);

/** Route patterns usable as {@link RouteMatcher}s: `METHOD /path` with `:name` for a segment. */
export const FakeRoutes = {
  gatewayBot: 'GET /gateway/bot',
  interactionCallback: 'POST /interactions/:id/:token/callback',
  originalMessage: '/webhooks/:appId/:token/messages/@original',
  editOriginal: 'PATCH /webhooks/:appId/:token/messages/@original',
  followUp: 'POST /webhooks/:appId/:token',
  webhookMessage: '/webhooks/:appId/:token/messages/:messageId',
  createMessage: 'POST /channels/:channelId/messages',
  startThreadFromMessage: 'POST /channels/:channelId/messages/:messageId/threads',
  globalCommands: 'PUT /applications/:appId/commands',
  guildCommands: 'PUT /applications/:appId/guilds/:guildId/commands',
} as const;

/** Options of {@link FakeDiscord.rateLimitNext}. */
export interface RateLimitOptions {
  /** How many matching requests get a 429. Default 1. */
  times?: number;
  /** Seconds, sent as `retry_after` and in `Retry-After`/`X-RateLimit-Reset-After`. Default 0.05. */
  retryAfter?: number;
  /** Send `X-RateLimit-Global: true` and `global: true`. Default false. */
  global?: boolean;
  /** `X-RateLimit-Scope`. Default `user` (`global` when global). */
  scope?: 'user' | 'global' | 'shared';
}

/** Options of {@link FakeDiscord.failNext}. */
export interface FailOptions {
  /** How many matching requests fail. Default 1. */
  times?: number;
  /** HTTP status. Default 500. */
  status?: number;
  /** Response body. Default: Discord's error body for the status. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Options of {@link FakeDiscord.waitForRequest} and {@link FakeDiscord.waitForGateway}. */
export interface WaitOptions {
  /**
   * Default 15000: a generous bound, since a wait asserts that something arrives, not how fast (the
   * machines running the suite are shared, and a first answer there can take several seconds).
   */
  timeoutMs?: number;
  /** Named in the timeout error. */
  description?: string;
  /** Also match requests still being handled (no status yet). Default false. */
  includePending?: boolean;
}

/** What {@link FakeDiscord.sendInteraction} should build. Everything is optional. */
export interface InteractionInit {
  /** 2 application command (default), 3 message component, 4 autocomplete, 5 modal submit. Default 3 when `customId` is given. */
  type?: 2 | 3 | 4 | 5;
  /** Command name (`data.name`). Default `ask`. */
  commandName?: string;
  /** `data.type` of a command: 1 chat input (default), 2 user, 3 message context menu (default when `targetMessage` is given). */
  commandType?: 1 | 2 | 3;
  /** `data.options` of a command or autocomplete. */
  options?: JsonObject[];
  /** Component / modal `custom_id`. */
  customId?: string;
  /** `data.component_type` for type 3. Default 2 (button). */
  componentType?: number;
  /** `data.values` of a select menu. */
  values?: string[];
  /**
   * Modal submit (type 5) answers by component custom id: a string for a text input, an array
   * for a select. Each is sent inside a Label (type 18), as Discord sends modals built of labels.
   */
  fields?: Record<string, string | string[]>;
  /** The message carrying the component (type 3), or the one a modal was opened from (type 5); for type 3 the default is a bot message with a button. */
  message?: JsonObject;
  /** Message context-menu target (partial message, completed and stored in the channel). */
  targetMessage?: JsonObject;
  /** User context-menu target (partial user). */
  targetUser?: JsonObject;
  /** Merged over the built `data`. */
  data?: JsonObject;
  /** Guild of the interaction; `null` for a DM. Default: the first guild. */
  guildId?: string | null;
  /** Default: the guild's first text channel (or a DM channel). */
  channelId?: string;
  /** Merged over the default user. */
  user?: JsonObject;
  /** Invoking member's role ids. */
  roles?: string[];
  /** `member.permissions`. */
  memberPermissions?: string;
  /** `app_permissions`. */
  appPermissions?: string;
  /** Default `en-US`. */
  locale?: string;
  /** Merged last into the top-level payload. */
  overrides?: JsonObject;
}

/** An interaction dispatched by {@link FakeDiscord.sendInteraction}. */
export interface SentInteraction {
  id: string;
  token: string;
  /** The full INTERACTION_CREATE data. */
  payload: JsonObject;
  /** How many gateway sessions it was dispatched to. */
  delivered: number;
}

/** Requests made about one interaction, in arrival order. */
export interface InteractionResponses {
  /** The callback the fake accepted (2xx), if any. */
  callback: RecordedRequest | undefined;
  /** Every callback attempt, including injected failures. */
  callbacks: RecordedRequest[];
  /** Accepted PATCHes of the original response or of follow-ups. */
  edits: RecordedRequest[];
  /** Accepted follow-up POSTs. */
  followUps: RecordedRequest[];
  /** Accepted DELETEs. */
  deletes: RecordedRequest[];
  /** Everything, including GETs and failed attempts. */
  all: RecordedRequest[];
}

interface GatewaySession {
  id: string;
  token: string;
  intents: number;
  shard: [number, number];
  seq: number;
  history: Array<{ op: 0; t: string; s: number; d: unknown }>;
  connection: GatewayConnection | null;
  ended: boolean;
  resumes: number;
}

interface GatewayConnection {
  id: number;
  socket: WsSocket;
  session: GatewaySession | null;
  closedByServer: boolean;
  closed: Promise<void>;
}

interface InteractionState {
  id: string;
  token: string;
  type: number;
  commandType: number | null;
  commandName: string | null;
  channelId: string;
  guildId: string | null;
  user: JsonObject;
  payload: JsonObject;
  acknowledged: boolean;
  callbackType: number | null;
  original: JsonObject | null;
  sourceMessage: JsonObject | null;
  followUps: Map<string, JsonObject>;
  expired: boolean;
}

interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface RestContext {
  request: RecordedRequest;
  params: Record<string, string>;
  body: JsonObject;
}

interface RestRoute {
  method: string;
  pattern: string;
  regex: RegExp;
  keys: string[];
  auth: boolean;
  handler: (context: RestContext) => RestResult | Promise<RestResult>;
}

interface ActiveFault {
  matches: (request: RecordedRequest) => boolean;
  remaining: number;
  kind: 'rate-limit' | 'server-error' | 'custom';
  respond: () => RestResult;
}

interface ActiveDelay {
  matches: (request: RecordedRequest) => boolean;
  remaining: number;
  ms: number;
}

interface Waiter<T> {
  predicate: (item: T) => boolean;
  includePending: boolean;
  resolve: (item: T) => void;
}

function compileMatcher(matcher: RouteMatcher): (request: RecordedRequest) => boolean {
  if (typeof matcher === 'function') return matcher;
  if (matcher instanceof RegExp) return (request) => matcher.test(`${request.method} ${request.path}`);
  const parts = /^([A-Za-z]+)\s+(\S+)$/.exec(matcher.trim());
  const method = parts?.[1]?.toUpperCase();
  const pattern = normalizeApiPath(parts?.[2] ?? matcher.trim());
  const regex = new RegExp(
    `^${pattern
      .split('/')
      .map((segment) => (/^(:\w+|\{\w+\}|\*)$/.test(segment) ? '[^/]+' : escapeRegExp(segment)))
      .join('/')}$`,
  );
  return (request) => (method === undefined || request.method === method) && regex.test(request.path);
}

function apiError(status: number, code: number, message: string, extra: JsonObject = {}): RestResult {
  return { status, body: { message, code, ...extra } };
}

function defaultErrorBody(status: number): JsonObject {
  const reason: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
  };
  return { message: `${status}: ${reason[status] ?? 'Error'}`, code: 0 };
}

/** Discord's error codes in a 50035 response for the JSON Schema keyword that failed. */
const DISCORD_ERROR_CODES: Record<string, string> = {
  maxLength: 'BASE_TYPE_MAX_LENGTH',
  minLength: 'BASE_TYPE_MIN_LENGTH',
  maxItems: 'BASE_TYPE_MAX_LENGTH',
  minItems: 'BASE_TYPE_MIN_LENGTH',
  maximum: 'NUMBER_TYPE_MAX',
  minimum: 'NUMBER_TYPE_MIN',
  required: 'BASE_TYPE_REQUIRED',
  enum: 'BASE_TYPE_CHOICES',
  const: 'BASE_TYPE_CHOICES',
};

/**
 * True when a message would show nothing: no content, embeds, components, stickers, files or
 * poll. Discord refuses to send or leave such a message (50006 Cannot send an empty message).
 */
function isEmptyMessage(m: JsonObject, files: number): boolean {
  return !(
    (typeof m.content === 'string' && m.content.length > 0) ||
    (Array.isArray(m.embeds) && m.embeds.length > 0) ||
    (Array.isArray(m.components) && m.components.length > 0) ||
    (Array.isArray(m.sticker_ids) && m.sticker_ids.length > 0) ||
    (Array.isArray(m.attachments) && m.attachments.length > 0) ||
    files > 0 ||
    isObject(m.poll)
  );
}

/** What a message would hold after an edit with `body`: the edited fields replaced, the rest kept. */
function afterEdit(message: JsonObject, body: JsonObject): JsonObject {
  const out: JsonObject = { ...message };
  for (const key of ['content', 'embeds', 'components', 'attachments', 'poll'])
    if (key in body) out[key] = body[key];
  return out;
}

const EMPTY_MESSAGE = () => apiError(400, 50006, 'Cannot send an empty message');

/** Turns ajv-style issues into Discord's nested `errors` object of a 50035 response. */
function invalidFormBody(result: SpecValidationResult): RestResult {
  const errors: JsonObject = {};
  for (const issue of result.issues) {
    let node = errors;
    for (const segment of issue.instancePath.split('/').filter(Boolean)) {
      const next = isObject(node[segment]) ? (node[segment] as JsonObject) : {};
      node[segment] = next;
      node = next;
    }
    const list = Array.isArray(node._errors) ? (node._errors as unknown[]) : [];
    list.push({ code: DISCORD_ERROR_CODES[issue.keyword] ?? 'BASE_TYPE_INVALID', message: issue.message });
    node._errors = list;
  }
  return apiError(400, 50035, 'Invalid Form Body', { errors });
}

/** A running fake Discord. Create it with {@link startFakeDiscord}. */
export class FakeDiscord {
  /** Base URL for discord.js: `new Client({ rest: { api: fake.restUrl } })`. */
  readonly restUrl: string;
  /** `ws://127.0.0.1:PORT`, as returned by `GET /gateway/bot`. */
  readonly gatewayUrl: string;
  readonly port: number;
  /** The token the fake accepts. */
  readonly token: string;
  readonly applicationId: string;
  /** The bot's user object. */
  readonly botUser: JsonObject;
  /** The default human user who sends interactions and messages. */
  readonly user: JsonObject;
  /** Id of the first guild. */
  readonly guildId: string;
  /** Id of the first guild's first text channel. */
  readonly channelId: string;
  /** Every HTTP request received, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** Every gateway connection event and payload, in order. */
  readonly gatewayLog: GatewayLogEntry[] = [];
  /** Every IDENTIFY received (with the token the client sent). */
  readonly identifies: IdentifyRecord[] = [];

  private readonly options: Required<
    Pick<
      FakeDiscordOptions,
      | 'heartbeatIntervalMs'
      | 'validate'
      | 'rejectInvalidBodies'
      | 'enforceIntents'
      | 'applicationFlags'
      | 'enforcePermissions'
      | 'recommendedShards'
    >
  >;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly guildList: JsonObject[] = [];
  private readonly channelMap = new Map<string, JsonObject>();
  private readonly messageStore = new Map<string, Map<string, JsonObject>>();
  private readonly interactionMap = new Map<string, InteractionState>();
  private readonly interactionByToken = new Map<string, InteractionState>();
  private readonly globalCommands: JsonObject[] = [];
  private readonly guildCommands = new Map<string, JsonObject[]>();
  private readonly generatedCommandIds = new Map<string, string>();
  private readonly sessionMap = new Map<string, GatewaySession>();
  private readonly connections = new Set<GatewayConnection>();
  private readonly routes: RestRoute[] = [];
  private readonly faults: ActiveFault[] = [];
  private readonly delays: ActiveDelay[] = [];
  private readonly requestWaiters = new Set<Waiter<RecordedRequest>>();
  private readonly gatewayWaiters = new Set<Waiter<GatewayLogEntry>>();
  private nextConnectionId = 1;
  private stopping: Promise<void> | null = null;

  /** @internal Use {@link startFakeDiscord}. */
  constructor(http: Server, wss: WebSocketServer, port: number, options: FakeDiscordOptions) {
    this.http = http;
    this.wss = wss;
    this.port = port;
    this.restUrl = `http://127.0.0.1:${port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${port}`;
    this.token = options.token ?? `fake-discord.${randomBytes(12).toString('hex')}`;
    this.applicationId = options.applicationId ?? snowflake();
    this.options = {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      validate: options.validate ?? true,
      rejectInvalidBodies: options.rejectInvalidBodies ?? true,
      enforceIntents: options.enforceIntents ?? true,
      applicationFlags: options.applicationFlags ?? 0,
      enforcePermissions: options.enforcePermissions ?? true,
      recommendedShards: options.recommendedShards ?? 1,
    };
    this.botUser = {
      id: this.applicationId,
      username: 'newsroom-bot',
      global_name: null,
      discriminator: '0',
      avatar: null,
      bot: true,
      system: false,
      flags: 0,
      public_flags: 0,
      mfa_enabled: false,
      verified: true,
      email: null,
      ...options.botUser,
    };
    this.user = {
      id: snowflake(),
      username: 'reporter',
      global_name: 'Reporter',
      discriminator: '0',
      avatar: null,
      public_flags: 0,
      ...options.user,
    };
    for (const init of options.guilds ?? [{}]) this.addGuild(init);
    const firstGuild = this.guildList[0];
    if (!firstGuild) throw new Error('FakeDiscord needs at least one guild');
    this.guildId = firstGuild.id as string;
    const firstText = objects(firstGuild.channels).find(
      (channel) => channel.type === 0 || channel.type === 5,
    );
    this.channelId = stringOr(firstText?.id, '');

    this.defineRoutes();
    http.on('request', (req, res) => void this.onHttpRequest(req, res));
    wss.on('connection', (socket, req) => this.onGatewayConnection(socket, req));
  }

  /** The guild objects (live; as sent in GUILD_CREATE). */
  get guilds(): readonly JsonObject[] {
    return this.guildList;
  }

  /** A known channel or thread by id. */
  channel(id: string): JsonObject | undefined {
    return this.channelMap.get(id);
  }

  /** Messages stored for a channel (sent by tests, created by the bot, interaction responses), oldest first. */
  messages(channelId: string = this.channelId): JsonObject[] {
    return [...(this.messageStore.get(channelId)?.values() ?? [])];
  }

  /** A stored message. */
  message(channelId: string, messageId: string): JsonObject | undefined {
    return this.messageStore.get(channelId)?.get(messageId);
  }

  /** Commands registered with the bulk-overwrite routes: global ones, or a guild's. */
  registeredCommands(guildId?: string): JsonObject[] {
    return guildId === undefined ? [...this.globalCommands] : [...(this.guildCommands.get(guildId) ?? [])];
  }

  /**
   * A user's permissions in a channel, as Discord computes them: the guild's @everyone role and
   * the member's roles, Administrator granting all, then the channel's overwrites (@everyone, the
   * member's roles together, the member); a thread uses its parent's. 0n for an unknown channel
   * or a user who is not a member.
   */
  permissionsIn(channelId: string, userId: string = this.botUser.id as string): bigint {
    let channel = this.channelMap.get(channelId);
    if (channel && [10, 11, 12].includes(channel.type as number))
      channel = this.channelMap.get(stringOr(channel.parent_id, ''));
    const guild = channel ? this.guildOf(stringOr(channel.guild_id, '')) : undefined;
    if (!channel || !guild) return 0n;
    const member = objects(guild.members).find((m) => isObject(m.user) && m.user.id === userId);
    if (!member) return 0n;
    const memberRoles = Array.isArray(member.roles) ? (member.roles as string[]) : [];
    const roles = objects(guild.roles);
    const bits = (value: unknown): bigint =>
      typeof value === 'string' && /^\d+$/.test(value) ? BigInt(value) : 0n;
    let perms = 0n;
    for (const role of roles)
      if (role.id === guild.id || memberRoles.includes(role.id as string)) perms |= bits(role.permissions);
    if ((perms & (1n << 3n)) !== 0n || guild.owner_id === userId) return (1n << 53n) - 1n;
    const overwrites = objects(channel.permission_overwrites);
    const apply = (list: JsonObject[]): void => {
      let deny = 0n;
      let allow = 0n;
      for (const o of list) {
        deny |= bits(o.deny);
        allow |= bits(o.allow);
      }
      perms = (perms & ~deny) | allow;
    };
    apply(overwrites.filter((o) => o.id === guild.id));
    apply(
      overwrites.filter((o) => o.type === 0 && o.id !== guild.id && memberRoles.includes(o.id as string)),
    );
    apply(overwrites.filter((o) => o.type === 1 && o.id === userId));
    return perms;
  }

  /** Discord's 50013 when the bot lacks one of `flags` (bit numbers) in the channel, else null. */
  private missingPermission(channelId: string, flags: number[]): RestResult | null {
    if (!this.options.enforcePermissions) return null;
    const perms = this.permissionsIn(channelId);
    if (flags.every((bit) => (perms & (1n << BigInt(bit))) !== 0n)) return null;
    return apiError(403, 50013, 'Missing Permissions');
  }

  /** Public view of the gateway sessions. */
  get sessions(): GatewaySessionInfo[] {
    return [...this.sessionMap.values()].map((session) => ({
      sessionId: session.id,
      intents: session.intents,
      seq: session.seq,
      connected: session.connection !== null,
      ended: session.ended,
      resumes: session.resumes,
    }));
  }

  private addGuild(init: FakeGuildInit): void {
    const { channels, roles, members, ...rest } = init;
    const id = init.id ?? snowflake();
    const now = new Date().toISOString();
    const guild: JsonObject = {
      id,
      name: 'Fake Newsroom',
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: this.user.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: 'en-US',
      features: [],
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      max_members: 500_000,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      joined_at: now,
      large: false,
      unavailable: false,
      lazy: true,
      emojis: [],
      stickers: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      threads: [],
      ...rest,
    };
    guild.id = id;

    const everyone = {
      id,
      name: '@everyone',
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 0,
      permissions: MEMBER_PERMISSIONS,
      managed: false,
      mentionable: false,
      flags: 0,
    };
    const extraRoles = (roles ?? []).map((role, index) => ({
      ...everyone,
      id: snowflake(),
      name: `role-${index + 1}`,
      position: index + 1,
      ...role,
    }));
    guild.roles = [everyone, ...extraRoles.filter((role) => role.id !== id)];

    const channelInits = channels ?? [{ name: 'newsroom' }];
    guild.channels = channelInits.map((channel, index) => ({
      id: snowflake(),
      type: 0,
      name: `channel-${index + 1}`,
      position: index,
      parent_id: null,
      topic: null,
      nsfw: false,
      rate_limit_per_user: 0,
      last_message_id: null,
      permission_overwrites: [],
      flags: 0,
      ...channel,
      guild_id: id,
    }));

    const member = (user: JsonObject, extra: JsonObject = {}): JsonObject => ({
      user,
      nick: null,
      avatar: null,
      banner: null,
      roles: [],
      joined_at: now,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      communication_disabled_until: null,
      ...extra,
    });
    const memberList = (members ?? []).map((m) =>
      member(
        {
          id: snowflake(),
          username: 'member',
          discriminator: '0',
          avatar: null,
          global_name: null,
          ...(isObject(m.user) ? m.user : {}),
        },
        m,
      ),
    );
    for (const user of [this.botUser, this.user]) {
      if (!memberList.some((m) => isObject(m.user) && m.user.id === user.id)) memberList.push(member(user));
    }
    guild.members = memberList;
    guild.member_count = memberList.length;

    this.guildList.push(guild);
    for (const channel of objects(guild.channels)) this.channelMap.set(channel.id as string, channel);
    for (const thread of objects(guild.threads))
      this.channelMap.set(thread.id as string, { ...thread, guild_id: id });
  }

  private guildOf(guildId: string): JsonObject | undefined {
    return this.guildList.find((guild) => guild.id === guildId);
  }

  private storeMessage(message: JsonObject): JsonObject {
    const channelId = message.channel_id as string;
    let store = this.messageStore.get(channelId);
    if (!store) {
      store = new Map();
      this.messageStore.set(channelId, store);
    }
    store.set(message.id as string, message);
    const channel = this.channelMap.get(channelId);
    if (channel) {
      channel.last_message_id = message.id;
      if (channel.type === 10 || channel.type === 11 || channel.type === 12) {
        channel.message_count = (typeof channel.message_count === 'number' ? channel.message_count : 0) + 1;
        channel.total_message_sent =
          (typeof channel.total_message_sent === 'number' ? channel.total_message_sent : 0) + 1;
      }
    }
    return message;
  }

  /** A complete message object from partial fields (not stored). */
  private buildMessage(fields: JsonObject & { channel_id: string }): JsonObject {
    const id = typeof fields.id === 'string' ? fields.id : snowflake();
    const channel = this.channelMap.get(fields.channel_id);
    const message: JsonObject = {
      id,
      type: 0,
      author: this.user,
      content: '',
      timestamp: new Date(snowflakeTime(id)).toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: 0,
      ...(typeof channel?.guild_id === 'string' ? { guild_id: channel.guild_id } : {}),
      ...fields,
    };
    message.id = id;
    return message;
  }

  private dmChannelFor(user: JsonObject): JsonObject {
    const existing = [...this.channelMap.values()].find(
      (channel) =>
        channel.type === 1 && objects(channel.recipients).some((recipient) => recipient.id === user.id),
    );
    if (existing) return existing;
    const channel: JsonObject = {
      id: snowflake(),
      type: 1,
      recipients: [user],
      last_message_id: null,
      flags: 0,
    };
    this.channelMap.set(channel.id as string, channel);
    return channel;
  }

  private onGatewayConnection(socket: WsSocket, req: IncomingMessage): void {
    let resolveClosed: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => {
      resolveClosed = resolve;
    });
    const connection: GatewayConnection = {
      id: this.nextConnectionId++,
      socket,
      session: null,
      closedByServer: false,
      closed,
    };
    this.connections.add(connection);
    this.logGateway({ kind: 'open', connectionId: connection.id, sessionId: null });

    socket.on('close', (code, reason) => {
      this.connections.delete(connection);
      const session = connection.session;
      this.logGateway({
        kind: 'close',
        connectionId: connection.id,
        sessionId: session?.id ?? null,
        code,
        reason: reason.toString(),
        closedBy: connection.closedByServer ? 'server' : 'client',
      });
      if (session && session.connection === connection) {
        session.connection = null;
        // A client closing with 1000/1001 ends its session, as on Discord.
        if (NON_RESUMABLE_CLOSE_CODES.has(code)) session.ended = true;
      }
      resolveClosed();
    });
    socket.on('error', () => undefined);
    socket.on('message', (data, isBinary) => this.onGatewayMessage(connection, data, isBinary));

    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const version = query.get('v');
    if (version !== null && version !== '10') {
      this.closeSocket(connection, 4012, 'Invalid API version');
      return;
    }
    if ((query.get('encoding') ?? 'json') !== 'json') {
      this.closeSocket(connection, 4002, 'Only encoding=json is supported by the fake');
      return;
    }
    this.sendPayload(connection, {
      op: GatewayOp.Hello,
      d: { heartbeat_interval: this.options.heartbeatIntervalMs, _trace: ['fake-discord'] },
    });
  }

  private onGatewayMessage(connection: GatewayConnection, data: RawData, isBinary: boolean): void {
    let payload: unknown;
    try {
      payload = isBinary ? undefined : JSON.parse(data.toString());
    } catch {
      payload = undefined;
    }
    if (!isObject(payload) || typeof payload.op !== 'number') {
      this.closeSocket(connection, 4002, 'Decode error');
      return;
    }
    const d = payload.d;
    this.logGateway({
      kind: 'payload',
      direction: 'in',
      connectionId: connection.id,
      sessionId: connection.session?.id ?? null,
      op: payload.op,
      d: isObject(d) && 'token' in d ? { ...d, token: '[redacted]' } : d,
    });

    switch (payload.op) {
      case GatewayOp.Heartbeat:
        this.sendPayload(connection, { op: GatewayOp.HeartbeatAck });
        return;
      case GatewayOp.Identify:
        this.onIdentify(connection, isObject(d) ? d : {});
        return;
      case GatewayOp.Resume:
        this.onResume(connection, isObject(d) ? d : {});
        return;
      default:
        break;
    }
    if (!connection.session) {
      this.closeSocket(connection, 4003, 'Not authenticated');
      return;
    }
    if (payload.op === GatewayOp.RequestGuildMembers && isObject(d)) {
      this.onRequestGuildMembers(connection.session, d);
    } else if (payload.op !== GatewayOp.PresenceUpdate && payload.op !== GatewayOp.VoiceStateUpdate) {
      this.closeSocket(connection, 4001, 'Unknown opcode');
    }
  }

  private onIdentify(connection: GatewayConnection, d: JsonObject): void {
    const token = typeof d.token === 'string' ? d.token.replace(/^Bot\s+/i, '') : '';
    const intents = typeof d.intents === 'number' ? d.intents : Number.NaN;
    const shard =
      Array.isArray(d.shard) && d.shard.length === 2
        ? ([Number(d.shard[0]), Number(d.shard[1])] as [number, number])
        : null;
    const record: IdentifyRecord = {
      connectionId: connection.id,
      token,
      intents,
      shard,
      properties: d.properties,
      presence: d.presence,
      accepted: false,
      sessionId: null,
      time: performance.now(),
    };
    this.identifies.push(record);

    if (connection.session) {
      this.closeSocket(connection, 4005, 'Already authenticated');
      return;
    }
    if (token !== this.token) {
      this.closeSocket(connection, 4004, 'Authentication failed');
      return;
    }
    if (!Number.isInteger(intents) || intents < 0) {
      this.closeSocket(connection, 4013, 'Invalid intent(s)');
      return;
    }
    const [shardId, shardCount] = shard ?? [0, 1];
    if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
      this.closeSocket(connection, 4010, 'Invalid shard');
      return;
    }

    const session: GatewaySession = {
      id: randomBytes(16).toString('hex'),
      token,
      intents,
      shard: [shardId, shardCount],
      seq: 0,
      history: [],
      connection,
      ended: false,
      resumes: 0,
    };
    this.sessionMap.set(session.id, session);
    connection.session = session;
    record.accepted = true;
    record.sessionId = session.id;

    const guilds = this.guildList.filter(
      (guild) => Number((BigInt(guild.id as string) >> 22n) % BigInt(shardCount)) === shardId,
    );
    this.dispatchTo(session, 'READY', {
      v: 10,
      user: this.botUser,
      user_settings: {},
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.gatewayUrl,
      shard: [shardId, shardCount],
      application: { id: this.applicationId, flags: this.options.applicationFlags },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['fake'],
      auth: {},
      _trace: ['fake-discord'],
    });
    // Without the GUILDS intent Discord sends no GUILD_CREATE (discord.js then waits `waitGuildTimeout`).
    if (!this.options.enforceIntents || (intents & Intent.Guilds) !== 0) {
      for (const guild of guilds) this.dispatchTo(session, 'GUILD_CREATE', guild);
    }
  }

  private onResume(connection: GatewayConnection, d: JsonObject): void {
    const session = typeof d.session_id === 'string' ? this.sessionMap.get(d.session_id) : undefined;
    const token = typeof d.token === 'string' ? d.token.replace(/^Bot\s+/i, '') : '';
    if (token !== this.token) {
      this.closeSocket(connection, 4004, 'Authentication failed');
      return;
    }
    if (!session || session.ended) {
      this.sendPayload(connection, { op: GatewayOp.InvalidSession, d: false });
      return;
    }
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    if (seq > session.seq) {
      this.closeSocket(connection, 4007, 'Invalid seq');
      return;
    }
    const previous = session.connection;
    if (previous && previous !== connection) {
      // Discord drops the old socket of a session that is resumed elsewhere.
      previous.session = null;
      previous.closedByServer = true;
      previous.socket.terminate();
    }
    session.connection = connection;
    connection.session = session;
    session.resumes += 1;
    for (const missed of session.history.filter((payload) => payload.s > seq))
      this.sendPayload(connection, missed);
    this.dispatchTo(session, 'RESUMED', { _trace: ['fake-discord'] });
  }

  private onRequestGuildMembers(session: GatewaySession, d: JsonObject): void {
    const guildIds = Array.isArray(d.guild_id) ? d.guild_id : [d.guild_id];
    for (const guildId of guildIds) {
      const guild = typeof guildId === 'string' ? this.guildOf(guildId) : undefined;
      if (!guild) continue;
      const userIds = Array.isArray(d.user_ids)
        ? d.user_ids
        : typeof d.user_ids === 'string'
          ? [d.user_ids]
          : null;
      const query = typeof d.query === 'string' ? d.query.toLowerCase() : '';
      const limit = typeof d.limit === 'number' && d.limit > 0 ? d.limit : Number.POSITIVE_INFINITY;
      const members = objects(guild.members)
        .filter((member) => {
          const user = isObject(member.user) ? member.user : {};
          if (userIds) return userIds.includes(user.id);
          return stringOr(user.username, '').toLowerCase().startsWith(query);
        })
        .slice(0, limit);
      this.dispatchTo(session, 'GUILD_MEMBERS_CHUNK', {
        guild_id: guildId,
        members,
        chunk_index: 0,
        chunk_count: 1,
        not_found: userIds
          ? userIds.filter((id) => !members.some((m) => isObject(m.user) && m.user.id === id))
          : [],
        ...(d.nonce !== undefined ? { nonce: d.nonce } : {}),
      });
    }
  }

  private closeSocket(connection: GatewayConnection, code: number, reason: string): void {
    connection.closedByServer = true;
    connection.socket.close(code, reason);
  }

  private sendPayload(connection: GatewayConnection, payload: JsonObject): void {
    if (connection.socket.readyState !== WsSocket.OPEN) return;
    connection.socket.send(JSON.stringify(payload));
    this.logGateway({
      kind: 'payload',
      direction: 'out',
      connectionId: connection.id,
      sessionId: connection.session?.id ?? null,
      op: payload.op as number,
      t: (payload.t as string | undefined) ?? null,
      s: (payload.s as number | undefined) ?? null,
      d: payload.d,
    });
  }

  /** Sequences a dispatch in a session; sends it now if a socket is attached, else keeps it for a RESUME. */
  private dispatchTo(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    const payload = { op: 0 as const, t, s: session.seq, d };
    session.history.push(payload);
    if (session.connection) this.sendPayload(session.connection, payload);
  }

  private liveSessions(): GatewaySession[] {
    return [...this.sessionMap.values()].filter((session) => !session.ended);
  }

  private logGateway(entry: Omit<GatewayLogEntry, 'time'>): void {
    const full: GatewayLogEntry = { ...entry, time: performance.now() };
    this.gatewayLog.push(full);
    for (const waiter of [...this.gatewayWaiters]) if (waiter.predicate(full)) waiter.resolve(full);
  }

  /**
   * Sends a dispatch (op 0) to every live session: connected ones now, sessions between a close and
   * their RESUME on replay. No intent filtering. Returns the number of sessions.
   */
  dispatch(eventName: string, data: unknown): number {
    const sessions = this.liveSessions();
    for (const session of sessions) this.dispatchTo(session, eventName, data);
    return sessions.length;
  }

  /** Closes every gateway connection with `code` (default 4000: resumable). Returns how many were closed. */
  closeGateway(code = 4000, reason = 'Closed by the fake'): number {
    const open = [...this.connections];
    for (const connection of open) {
      if (connection.session && NON_RESUMABLE_CLOSE_CODES.has(code)) connection.session.ended = true;
      this.closeSocket(connection, code, reason);
    }
    return open.length;
  }

  /** Sends op 7 (Reconnect) on every authenticated connection; discord.js then reconnects and resumes. */
  sendReconnect(): number {
    const open = [...this.connections].filter((connection) => connection.session);
    for (const connection of open) this.sendPayload(connection, { op: GatewayOp.Reconnect, d: null });
    return open.length;
  }

  /** Sends op 9 (Invalid Session); when not resumable the sessions end and clients must IDENTIFY again. */
  sendInvalidSession(resumable = false): number {
    const open = [...this.connections].filter((connection) => connection.session);
    for (const connection of open) {
      if (!resumable && connection.session) {
        connection.session.ended = true;
        connection.session.connection = null;
        connection.session = null;
      }
      this.sendPayload(connection, { op: GatewayOp.InvalidSession, d: resumable });
    }
    return open.length;
  }

  /** Sends op 1 (Heartbeat request) on every authenticated connection. */
  requestHeartbeat(): number {
    const open = [...this.connections].filter((connection) => connection.session);
    for (const connection of open)
      this.sendPayload(connection, { op: GatewayOp.Heartbeat, d: connection.session?.seq ?? null });
    return open.length;
  }

  /** Dispatches a complete INTERACTION_CREATE built from `init` and returns its id and token. */
  sendInteraction(init: InteractionInit = {}): SentInteraction {
    const type = init.type ?? (init.customId !== undefined ? 3 : 2);
    const guildId = init.guildId === undefined ? this.guildId : init.guildId;
    const user = { ...this.user, ...init.user };
    let channel: JsonObject | undefined;
    if (init.channelId) channel = this.channelMap.get(init.channelId);
    else if (guildId) {
      channel = objects(this.guildOf(guildId)?.channels).find((c) => c.type === 0 || c.type === 5);
    } else channel = this.dmChannelFor(user);
    if (!channel)
      throw new Error(`sendInteraction: unknown channel ${init.channelId ?? `in guild ${String(guildId)}`}`);
    const channelId = channel.id as string;

    const id = snowflake();
    const token = `fake-interaction.${randomBytes(48).toString('base64url')}`;
    const commandType =
      type === 2 || type === 4
        ? (init.commandType ?? (init.targetMessage ? 3 : init.targetUser ? 2 : 1))
        : null;
    const commandName =
      type === 2 || type === 4 ? (init.commandName ?? (commandType === 3 ? 'Quote message' : 'ask')) : null;
    let data: JsonObject;
    let sourceMessage: JsonObject | null = null;
    const context = guildId ? 0 : channel.type === 1 ? 1 : 2;
    if (type === 2 || type === 4)
      this.assertOffered(commandName ?? 'ask', commandType ?? 1, guildId, context);

    if (type === 2 || type === 4) {
      data = {
        id: this.commandId(commandName ?? 'ask', commandType ?? 1, guildId),
        name: commandName,
        type: commandType,
      };
      if (commandType === 3) {
        const target = this.buildMessage({ channel_id: channelId, ...init.targetMessage });
        if (!this.message(channelId, target.id as string)) this.storeMessage(target);
        data.target_id = target.id;
        data.resolved = { messages: { [target.id as string]: target } };
      } else if (commandType === 2) {
        const target = {
          id: snowflake(),
          username: 'subject',
          discriminator: '0',
          avatar: null,
          global_name: null,
          ...init.targetUser,
        };
        data.target_id = target.id;
        data.resolved = { users: { [target.id as string]: target } };
      } else {
        data.options =
          init.options ?? (type === 4 ? [{ type: 3, name: 'question', value: '', focused: true }] : []);
      }
    } else if (type === 3) {
      const customId = init.customId ?? 'button';
      data = {
        custom_id: customId,
        component_type: init.componentType ?? 2,
        ...(init.values ? { values: init.values } : {}),
      };
      sourceMessage = this.buildMessage({
        channel_id: channelId,
        author: this.botUser,
        content: 'A message with a component',
        components: [
          { type: 1, id: 1, components: [{ type: 2, id: 2, style: 1, label: 'Press', custom_id: customId }] },
        ],
        ...init.message,
      });
      if (!this.message(channelId, sourceMessage.id as string)) this.storeMessage(sourceMessage);
    } else {
      let componentId = 0;
      data = {
        custom_id: init.customId ?? 'modal',
        components: Object.entries(init.fields ?? {}).map(([customId, value]) => ({
          type: 18,
          id: ++componentId,
          component: Array.isArray(value)
            ? { type: 3, id: ++componentId, custom_id: customId, values: value }
            : { type: 4, id: ++componentId, custom_id: customId, value },
        })),
      };
      // A modal opened from a message component carries that message, as Discord sends it.
      if (init.message) {
        sourceMessage = this.message(channelId, init.message.id as string) ?? init.message;
      }
    }
    data = { ...data, ...init.data };

    const appPermissions = init.appPermissions ?? BOT_PERMISSIONS;
    const payload: JsonObject = {
      id,
      application_id: this.applicationId,
      type,
      token,
      version: 1,
      data,
      channel: { ...channel },
      channel_id: channelId,
      app_permissions: appPermissions,
      locale: init.locale ?? 'en-US',
      entitlements: [],
      authorizing_integration_owners: guildId ? { '0': guildId } : { '1': user.id },
      context,
      attachment_size_limit: 10_485_760,
      ...(guildId
        ? {
            guild_id: guildId,
            guild: { id: guildId, locale: 'en-US', features: [] },
            guild_locale: 'en-US',
            member: {
              user,
              roles: init.roles ?? [],
              permissions: init.memberPermissions ?? MEMBER_PERMISSIONS,
              joined_at: new Date().toISOString(),
              nick: null,
              avatar: null,
              banner: null,
              premium_since: null,
              deaf: false,
              mute: false,
              flags: 0,
              pending: false,
              communication_disabled_until: null,
            },
          }
        : { user }),
      ...(sourceMessage ? { message: sourceMessage } : {}),
      ...init.overrides,
    };

    const state: InteractionState = {
      id,
      token,
      type,
      commandType,
      commandName,
      channelId,
      guildId,
      user,
      payload,
      acknowledged: false,
      callbackType: null,
      original: null,
      sourceMessage,
      followUps: new Map(),
      expired: false,
    };
    this.interactionMap.set(id, state);
    this.interactionByToken.set(token, state);
    const delivered = this.dispatch('INTERACTION_CREATE', payload);
    return { id, token, payload, delivered };
  }

  /**
   * Discord only offers a registered command where its `contexts` (0 server, 1 bot DM, 2 other
   * DMs and group DMs) and `integration_types` (0 server install, 1 user install) allow: a test
   * that sends one elsewhere is told so, as a user would never see it there. Commands never
   * registered are not checked.
   */
  private assertOffered(name: string, type: number, guildId: string | null, context: number): void {
    const registered = [
      ...(guildId ? (this.guildCommands.get(guildId) ?? []) : []),
      ...this.globalCommands,
    ].find((command) => command.name === name && (command.type ?? 1) === type);
    if (!registered) return;
    const contexts = Array.isArray(registered.contexts) ? (registered.contexts as number[]) : null;
    if (contexts && !contexts.includes(context))
      throw new Error(
        `sendInteraction: Discord would not offer "${name}" here: it is registered for contexts [${contexts.join(', ')}] and this is context ${context}`,
      );
    const installs = Array.isArray(registered.integration_types)
      ? (registered.integration_types as number[])
      : [0];
    // In a server the command comes from the server install (0); elsewhere a DM with the bot needs either.
    if (guildId && !installs.includes(0))
      throw new Error(
        `sendInteraction: Discord would not offer "${name}" in a server: it is registered for integration types [${installs.join(', ')}] only`,
      );
  }

  private commandId(name: string, type: number, guildId: string | null): string {
    const registered = [
      ...(guildId ? (this.guildCommands.get(guildId) ?? []) : []),
      ...this.globalCommands,
    ].find((command) => command.name === name && (command.type ?? 1) === type);
    if (registered) return registered.id as string;
    const key = `${type}:${name}`;
    let id = this.generatedCommandIds.get(key);
    if (!id) {
      id = snowflake();
      this.generatedCommandIds.set(key, id);
    }
    return id;
  }

  /**
   * Stores a message from a user (default: the default user, in the first text channel) and
   * dispatches MESSAGE_CREATE, applying the intent rules. Returns the full message.
   */
  sendMessage(partial: JsonObject = {}): JsonObject {
    const channelId = stringOr(partial.channel_id, this.channelId);
    const author = { ...this.user, ...(isObject(partial.author) ? partial.author : {}) };
    const message = this.buildMessage({ ...partial, channel_id: channelId, author });
    const channel = this.channelMap.get(channelId);
    if (typeof channel?.guild_id === 'string' && !('member' in partial)) {
      message.member = {
        roles: [],
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
        flags: 0,
        pending: false,
        nick: null,
        avatar: null,
        premium_since: null,
        communication_disabled_until: null,
      };
    }
    this.storeMessage(message);
    this.dispatchMessageCreate(message);
    return message;
  }

  private dispatchMessageCreate(message: JsonObject): void {
    const inGuild = typeof message.guild_id === 'string';
    const author = isObject(message.author) ? message.author : {};
    const mentionsBot = objects(message.mentions).some((user) => user.id === this.botUser.id);
    for (const session of this.liveSessions()) {
      if (this.options.enforceIntents) {
        if ((session.intents & (inGuild ? Intent.GuildMessages : Intent.DirectMessages)) === 0) continue;
        const seesContent =
          (session.intents & Intent.MessageContent) !== 0 ||
          !inGuild ||
          mentionsBot ||
          author.id === this.botUser.id;
        if (!seesContent) {
          this.dispatchTo(session, 'MESSAGE_CREATE', {
            ...message,
            content: '',
            embeds: [],
            attachments: [],
            components: [],
            poll: undefined,
          });
          continue;
        }
      }
      this.dispatchTo(session, 'MESSAGE_CREATE', message);
    }
  }

  /** Answers the next `times` matching requests with a 429 and Discord's rate-limit headers. */
  rateLimitNext(route: RouteMatcher, options: RateLimitOptions = {}): void {
    const retryAfter = options.retryAfter ?? 0.05;
    const global = options.global ?? false;
    const scope = options.scope ?? (global ? 'global' : 'user');
    this.faults.push({
      matches: compileMatcher(route),
      remaining: options.times ?? 1,
      kind: 'rate-limit',
      respond: () => ({
        status: 429,
        body: { message: 'You are being rate limited.', retry_after: retryAfter, global, code: 0 },
        headers: {
          'retry-after': String(retryAfter),
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
          'x-ratelimit-reset-after': String(retryAfter),
          'x-ratelimit-bucket': 'fake-bucket',
          'x-ratelimit-scope': scope,
          ...(global ? { 'x-ratelimit-global': 'true' } : {}),
        },
      }),
    });
  }

  /** Answers the next `times` matching requests with `status` (default 500) and an error body. */
  failNext(route: RouteMatcher, options: FailOptions = {}): void {
    const status = options.status ?? 500;
    this.faults.push({
      matches: compileMatcher(route),
      remaining: options.times ?? 1,
      kind: status >= 500 ? 'server-error' : 'custom',
      respond: () => ({ status, body: options.body ?? defaultErrorBody(status), headers: options.headers }),
    });
  }

  /** Makes the interaction's callback fail with 404 `Unknown interaction` (10062), as after the 3 s deadline. */
  expireInteraction(interactionId: string): void {
    const state = this.interactionMap.get(interactionId);
    if (!state) throw new Error(`expireInteraction: unknown interaction ${interactionId}`);
    state.expired = true;
  }

  /** Delays the next `times` (default: all) matching requests by `ms` before they are handled. Returns a function removing the delay. */
  delayRoute(route: RouteMatcher, ms: number, options: { times?: number } = {}): () => void {
    const delay: ActiveDelay = {
      matches: compileMatcher(route),
      remaining: options.times ?? Number.POSITIVE_INFINITY,
      ms,
    };
    this.delays.push(delay);
    return () => {
      delay.remaining = 0;
    };
  }

  /** Removes every pending fault and delay. */
  clearFaults(): void {
    this.faults.length = 0;
    this.delays.length = 0;
  }

  /** Requests whose body does not match the spec. */
  get validationErrors(): ValidationFailure[] {
    return this.requests
      .filter((request) => request.validation && !request.validation.valid)
      .map((request) => {
        const result = request.validation as SpecValidationResult;
        return { request, result, message: describeValidationFailure(result, request.body) };
      });
  }

  /** Throws a readable error (route, spec issues, body excerpt) if any request body did not match the spec. */
  assertAllValid(): void {
    const failures = this.validationErrors;
    if (failures.length === 0) return;
    const details = failures.map(
      (failure) =>
        `#${failure.request.seq} ${failure.request.method} ${failure.request.path}\n${failure.message}`,
    );
    throw new Error(
      `${failures.length} request(s) sent to the fake Discord do not match Discord's OpenAPI spec:\n\n${details.join('\n\n')}`,
    );
  }

  /**
   * Resolves with the first request (already received or future) matching `predicate`, once it has
   * been answered (unless `includePending`). Rejects after the timeout listing the requests seen.
   */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    options: WaitOptions | number = {},
  ): Promise<RecordedRequest> {
    const opts = typeof options === 'number' ? { timeoutMs: options } : options;
    const includePending = opts.includePending ?? false;
    const ready = (request: RecordedRequest): boolean =>
      (includePending || request.status !== undefined) && predicate(request);
    const found = this.requests.find(ready);
    if (found) return Promise.resolve(found);
    return this.waitFor(this.requestWaiters, ready, includePending, opts, () => {
      const lines = this.requests
        .slice(-40)
        .map((r) => `  #${r.seq} ${r.method} ${r.path} → ${r.status ?? 'pending'}`);
      return `requests seen (${this.requests.length}):\n${lines.join('\n') || '  (none)'}`;
    });
  }

  /** Resolves with the first gateway log entry (already logged or future) matching `predicate`. */
  waitForGateway(
    predicate: (entry: GatewayLogEntry) => boolean,
    options: WaitOptions | number = {},
  ): Promise<GatewayLogEntry> {
    const opts = typeof options === 'number' ? { timeoutMs: options } : options;
    const found = this.gatewayLog.find(predicate);
    if (found) return Promise.resolve(found);
    return this.waitFor(this.gatewayWaiters, predicate, true, opts, () => {
      const lines = this.gatewayLog
        .slice(-40)
        .map((e) =>
          e.kind === 'payload'
            ? `  [${e.connectionId}] ${e.direction} op ${e.op}${e.t ? ` ${e.t}` : ''}${e.s ? ` s=${e.s}` : ''}`
            : `  [${e.connectionId}] ${e.kind}${e.code !== undefined ? ` ${e.code} by ${e.closedBy}` : ''}`,
        );
      return `gateway events seen (${this.gatewayLog.length}):\n${lines.join('\n') || '  (none)'}`;
    });
  }

  private waitFor<T>(
    waiters: Set<Waiter<T>>,
    predicate: (item: T) => boolean,
    includePending: boolean,
    options: WaitOptions,
    seen: () => string,
  ): Promise<T> {
    const timeoutMs = options.timeoutMs ?? 15_000;
    const promise = new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = {
        predicate,
        includePending,
        resolve: (item) => {
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(item);
        },
      };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(
          new Error(
            `Timed out after ${timeoutMs} ms waiting for ${options.description ?? 'a matching event'}; ${seen()}`,
          ),
        );
      }, timeoutMs);
      waiters.add(waiter);
    });
    return promise;
  }

  private notifyRequest(request: RecordedRequest): void {
    for (const waiter of [...this.requestWaiters]) if (waiter.predicate(request)) waiter.resolve(request);
  }

  /**
   * Submits the modal that interaction `openedBy` answered with (callback type 9), as a user
   * would: a type 5 interaction with the modal's custom id, from the same user and channel, and
   * the message the modal was opened from. Throws if no modal was shown, or if `fields` names a
   * component the modal does not have.
   */
  submitModal(
    openedBy: string,
    fields: Record<string, string | string[]>,
    init: Omit<InteractionInit, 'type' | 'customId' | 'fields'> = {},
  ): SentInteraction {
    const state = this.interactionMap.get(openedBy);
    const shown = this.interactionResponses(openedBy).callback?.body as
      | { type?: number; data?: { custom_id?: string; components?: JsonObject[] } }
      | undefined;
    if (!state || shown?.type !== 9 || !shown.data?.custom_id)
      throw new Error(`submitModal: interaction ${openedBy} was not answered with a modal`);
    const known = new Set(
      (shown.data.components ?? []).flatMap((c) => {
        const inner = (c.component ?? c) as JsonObject;
        return typeof inner.custom_id === 'string' ? [inner.custom_id] : [];
      }),
    );
    for (const id of Object.keys(fields))
      if (!known.has(id)) throw new Error(`submitModal: the modal has no component "${id}"`);
    return this.sendInteraction({
      ...init,
      type: 5,
      customId: shown.data.custom_id,
      fields,
      channelId: init.channelId ?? state.channelId,
      user: init.user ?? state.user,
      ...(state.sourceMessage ? { message: state.sourceMessage } : {}),
    });
  }

  /** Requests made about an interaction (callback, original response, follow-ups), split by kind. */
  interactionResponses(interactionId: string): InteractionResponses {
    const all = this.requests.filter((request) => request.interactionId === interactionId);
    const ok = (request: RecordedRequest): boolean =>
      request.status !== undefined && request.status >= 200 && request.status < 300;
    const callbacks = all.filter((request) => request.path.endsWith('/callback'));
    return {
      callback: callbacks.find(ok),
      callbacks,
      edits: all.filter((request) => request.method === 'PATCH' && ok(request)),
      followUps: all.filter(
        (request) => request.method === 'POST' && request.path.startsWith('/webhooks/') && ok(request),
      ),
      deletes: all.filter((request) => request.method === 'DELETE' && ok(request)),
      all,
    };
  }

  private async onHttpRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const url = new URL(rawUrl, 'http://127.0.0.1');
    const versionMatch = /^\/api(?:\/v(\d+))?(?=\/|$)/.exec(url.pathname);
    const method = (req.method ?? 'GET').toUpperCase();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (name === 'authorization' || value === undefined) continue;
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    const authorization = req.headers.authorization;
    const contentType = req.headers['content-type'] ?? null;

    const request: RecordedRequest = {
      seq: this.requests.length + 1,
      method,
      path: normalizeApiPath(url.pathname),
      rawUrl,
      apiVersion: versionMatch?.[1] ? Number(versionMatch[1]) : null,
      query: Object.fromEntries(url.searchParams),
      headers,
      auth:
        authorization === undefined ? 'none' : authorization === `Bot ${this.token}` ? 'valid' : 'invalid',
      contentType,
      body: undefined,
      files: [],
      receivedAt: Date.now(),
      time: performance.now(),
      route: null,
    };

    let result: RestResult;
    try {
      const raw = await readBody(req);
      const parsed = await parseBody(raw, contentType);
      request.body = parsed.body;
      request.files = parsed.files;
      this.requests.push(request);
      result = parsed.error ?? (await this.handle(request, versionMatch !== null));
    } catch (error) {
      if (!this.requests.includes(request)) this.requests.push(request);
      result = apiError(500, 0, `500: Internal Server Error (fake: ${(error as Error).message})`);
    }

    request.status = result.status;
    request.responseBody = result.body;
    request.respondedTime = performance.now();
    const responseHeaders: Record<string, string> = { ...result.headers };
    if (result.body !== undefined && result.status !== 204) {
      responseHeaders['content-type'] = 'application/json';
      res.writeHead(result.status, responseHeaders);
      res.end(JSON.stringify(result.body));
    } else {
      res.writeHead(result.status, responseHeaders);
      res.end();
    }
    this.notifyRequest(request);
  }

  private async handle(request: RecordedRequest, underApi: boolean): Promise<RestResult> {
    if (!underApi) return apiError(404, 0, '404: Not Found');

    const operation = findSpecOperation(request.method, request.path);
    if (operation) {
      request.operation = { specPath: operation.specPath, operationId: operation.operationId };
      if (this.options.validate && request.body !== undefined && operation.bodyMediaTypes.length > 0) {
        request.validation = validateOperationBody(operation, request.body, {
          contentType: request.contentType ?? undefined,
        });
      }
    }

    let matched: { route: RestRoute; params: Record<string, string> } | undefined;
    let pathMatched = false;
    for (const route of this.routes) {
      const match = route.regex.exec(request.path);
      if (!match) continue;
      pathMatched = true;
      if (route.method !== request.method) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, index) => {
        params[key] = match[index + 1] ?? '';
      });
      matched = { route, params };
      break;
    }
    if (!matched)
      return pathMatched ? apiError(405, 0, '405: Method Not Allowed') : apiError(404, 0, '404: Not Found');
    request.route = `${matched.route.method} ${matched.route.pattern}`;
    if (
      matched.route.pattern.startsWith('/interactions/') ||
      matched.route.pattern.startsWith('/webhooks/')
    ) {
      const state = matched.route.pattern.startsWith('/interactions/')
        ? this.interactionMap.get(matched.params.interactionId ?? '')
        : this.interactionByToken.get(matched.params.token ?? '');
      if (state) request.interactionId = state.id;
    }
    // Pending requests are announced once route, interaction and validation are known.
    this.notifyRequest(request);

    // Like Discord, a wrong token fails even on routes that do not need one.
    if (request.auth === 'invalid' || (matched.route.auth && request.auth === 'none')) {
      return apiError(401, 0, '401: Unauthorized');
    }

    const delay = this.delays.find((candidate) => candidate.remaining > 0 && candidate.matches(request));
    if (delay) {
      delay.remaining -= 1;
      request.delayedMs = delay.ms;
      await sleep(delay.ms);
    }

    const fault = this.faults.find((candidate) => candidate.remaining > 0 && candidate.matches(request));
    if (fault) {
      fault.remaining -= 1;
      request.injected = fault.kind;
      return fault.respond();
    }

    if (this.options.rejectInvalidBodies && request.validation && !request.validation.valid) {
      return invalidFormBody(request.validation);
    }

    const body = isObject(request.body) ? request.body : {};
    return matched.route.handler({ request, params: matched.params, body });
  }

  private route(
    method: string,
    pattern: string,
    handler: RestRoute['handler'],
    options: { auth?: boolean } = {},
  ): void {
    const keys: string[] = [];
    const regex = new RegExp(
      `^${pattern
        .split('/')
        .map((segment) => {
          if (segment.startsWith(':')) {
            keys.push(segment.slice(1));
            return '([^/]+)';
          }
          return escapeRegExp(segment);
        })
        .join('/')}$`,
    );
    this.routes.push({ method, pattern, regex, keys, auth: options.auth ?? true, handler });
  }

  private defineRoutes(): void {
    const gatewayInfo = { url: this.gatewayUrl };
    this.route('GET', '/gateway', () => ({ status: 200, body: gatewayInfo }), { auth: false });
    this.route('GET', '/gateway/bot', () => ({
      status: 200,
      body: {
        ...gatewayInfo,
        shards: this.options.recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      },
    }));
    this.route('GET', '/users/@me', () => ({ status: 200, body: this.botUser }));
    this.route('GET', '/users/@me/guilds', () => ({
      status: 200,
      body: this.guildList.map((guild) => ({
        id: guild.id,
        name: guild.name,
        icon: null,
        banner: null,
        owner: false,
        permissions: this.botGuildPermissions(guild),
        features: [],
      })),
    }));
    this.route('GET', '/users/:userId', ({ params }) => {
      const user = this.knownUsers().find((candidate) => candidate.id === params.userId);
      return user ? { status: 200, body: user } : apiError(404, 10013, 'Unknown User');
    });
    const application = (): RestResult => ({
      status: 200,
      body: {
        id: this.applicationId,
        name: stringOr(this.botUser.username, 'bot'),
        icon: null,
        description: '',
        summary: '',
        type: null,
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: this.options.applicationFlags,
        hook: true,
        is_monetized: false,
        integration_types_config: { '0': {} },
        bot: this.botUser,
        owner: this.user,
        team: null,
        approximate_guild_count: this.guildList.length,
      },
    });
    this.route('GET', '/applications/@me', application);
    this.route('GET', '/oauth2/applications/@me', application);

    this.route('GET', '/guilds/:guildId', ({ params }) => {
      const guild = this.guildOf(params.guildId ?? '');
      if (!guild) return apiError(404, 10004, 'Unknown Guild');
      const { channels: _c, members: _m, threads: _t, presences: _p, voice_states: _v, ...rest } = guild;
      return { status: 200, body: rest };
    });
    this.route('GET', '/guilds/:guildId/channels', ({ params }) => {
      const guild = this.guildOf(params.guildId ?? '');
      return guild ? { status: 200, body: guild.channels } : apiError(404, 10004, 'Unknown Guild');
    });
    this.route('GET', '/guilds/:guildId/roles', ({ params }) => {
      const guild = this.guildOf(params.guildId ?? '');
      return guild ? { status: 200, body: guild.roles } : apiError(404, 10004, 'Unknown Guild');
    });
    this.route('GET', '/guilds/:guildId/members/:userId', ({ params }) => {
      const guild = this.guildOf(params.guildId ?? '');
      if (!guild) return apiError(404, 10004, 'Unknown Guild');
      const member = objects(guild.members).find((m) => isObject(m.user) && m.user.id === params.userId);
      return member ? { status: 200, body: member } : apiError(404, 10007, 'Unknown Member');
    });

    this.route('GET', '/channels/:channelId', ({ params }) => {
      const channel = this.channelMap.get(params.channelId ?? '');
      return channel ? { status: 200, body: channel } : apiError(404, 10003, 'Unknown Channel');
    });
    this.route('DELETE', '/channels/:channelId', ({ params }) => {
      const channel = this.channelMap.get(params.channelId ?? '');
      if (!channel) return apiError(404, 10003, 'Unknown Channel');
      const isThread = [10, 11, 12].includes(channel.type as number);
      const refused = this.missingPermission(channel.id as string, [
        PermissionBit.ViewChannel,
        isThread ? PermissionBit.ManageThreads : 4,
      ]);
      if (refused) return refused;
      this.channelMap.delete(channel.id as string);
      this.messageStore.delete(channel.id as string);
      const guild = this.guildOf(stringOr(channel.guild_id, ''));
      if (guild) {
        guild.threads = objects(guild.threads).filter((t) => t.id !== channel.id);
        guild.channels = objects(guild.channels).filter((c) => c.id !== channel.id);
      }
      const event = isThread ? 'THREAD_DELETE' : 'CHANNEL_DELETE';
      const data = isThread
        ? { id: channel.id, guild_id: channel.guild_id, parent_id: channel.parent_id, type: channel.type }
        : channel;
      for (const session of this.liveSessions()) {
        if (!this.options.enforceIntents || (session.intents & Intent.Guilds) !== 0)
          this.dispatchTo(session, event, data);
      }
      return { status: 200, body: channel };
    });
    this.route('GET', '/channels/:channelId/messages', ({ params, request }) => {
      if (!this.channelMap.has(params.channelId ?? '')) return apiError(404, 10003, 'Unknown Channel');
      const limit = Math.min(Number(request.query.limit ?? 50) || 50, 100);
      return { status: 200, body: this.messages(params.channelId).reverse().slice(0, limit) };
    });
    this.route('POST', '/channels/:channelId/messages', (context) => this.createChannelMessage(context));
    this.route('GET', '/channels/:channelId/messages/:messageId', ({ params }) => {
      const message = this.message(params.channelId ?? '', params.messageId ?? '');
      return message ? { status: 200, body: message } : apiError(404, 10008, 'Unknown Message');
    });
    this.route('PATCH', '/channels/:channelId/messages/:messageId', ({ params, body, request }) => {
      const message = this.message(params.channelId ?? '', params.messageId ?? '');
      if (!message) return apiError(404, 10008, 'Unknown Message');
      if (isEmptyMessage(afterEdit(message, body), request.files.length)) return EMPTY_MESSAGE();
      this.applyEdit(message, body, request.files);
      return { status: 200, body: message };
    });
    this.route('DELETE', '/channels/:channelId/messages/:messageId', ({ params }) => {
      const deleted = this.messageStore.get(params.channelId ?? '')?.delete(params.messageId ?? '');
      return deleted ? { status: 204 } : apiError(404, 10008, 'Unknown Message');
    });
    this.route('POST', '/channels/:channelId/messages/:messageId/threads', (context) =>
      this.startThread(context),
    );
    this.route('POST', '/channels/:channelId/threads', (context) => this.startThread(context));
    this.route('POST', '/channels/:channelId/typing', ({ params }) =>
      this.channelMap.has(params.channelId ?? '') ? { status: 204 } : apiError(404, 10003, 'Unknown Channel'),
    );
    const reaction = ({ params }: RestContext): RestResult =>
      this.message(params.channelId ?? '', params.messageId ?? '')
        ? { status: 204 }
        : apiError(404, 10008, 'Unknown Message');
    this.route('PUT', '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', reaction);
    this.route('DELETE', '/channels/:channelId/messages/:messageId/reactions/:emoji/@me', reaction);

    this.route(
      'POST',
      '/interactions/:interactionId/:token/callback',
      (context) => this.interactionCallback(context),
      { auth: false },
    );
    this.route('POST', '/webhooks/:webhookId/:token', (context) => this.webhookExecute(context), {
      auth: false,
    });
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      this.route(
        method,
        '/webhooks/:webhookId/:token/messages/:messageId',
        (context) => this.webhookMessage(context),
        { auth: false },
      );
    }

    for (const scope of ['/applications/:appId/commands', '/applications/:appId/guilds/:guildId/commands']) {
      this.route('GET', scope, (context) => this.commandsRoute(context, 'list'));
      this.route('PUT', scope, (context) => this.commandsRoute(context, 'overwrite'));
      this.route('POST', scope, (context) => this.commandsRoute(context, 'create'));
      this.route('DELETE', `${scope}/:commandId`, (context) => this.commandsRoute(context, 'delete'));
    }
  }

  /** The bot's guild-level permissions (its roles), as a decimal string. */
  private botGuildPermissions(guild: JsonObject): string {
    const member = objects(guild.members).find((m) => isObject(m.user) && m.user.id === this.botUser.id);
    const memberRoles = Array.isArray(member?.roles) ? (member.roles as string[]) : [];
    let perms = 0n;
    for (const role of objects(guild.roles))
      if (role.id === guild.id || memberRoles.includes(role.id as string))
        perms |= BigInt(stringOr(role.permissions, '0'));
    return perms.toString();
  }

  private knownUsers(): JsonObject[] {
    const users = new Map<string, JsonObject>();
    for (const user of [this.botUser, this.user]) users.set(user.id as string, user);
    for (const guild of this.guildList) {
      for (const member of objects(guild.members))
        if (isObject(member.user)) users.set(member.user.id as string, member.user);
    }
    return [...users.values()];
  }

  private createChannelMessage({ params, body, request }: RestContext): RestResult {
    const channelId = params.channelId ?? '';
    if (!this.channelMap.has(channelId)) return apiError(404, 10003, 'Unknown Channel');
    const hasContent =
      (typeof body.content === 'string' && body.content.length > 0) ||
      (Array.isArray(body.embeds) && body.embeds.length > 0) ||
      (Array.isArray(body.components) && body.components.length > 0) ||
      (Array.isArray(body.sticker_ids) && body.sticker_ids.length > 0) ||
      request.files.length > 0 ||
      isObject(body.poll);
    if (!hasContent) return apiError(400, 50006, 'Cannot send an empty message');
    const isThread = [10, 11, 12].includes(this.channelMap.get(channelId)?.type as number);
    const needed: number[] = [
      PermissionBit.ViewChannel,
      isThread ? PermissionBit.SendMessagesInThreads : PermissionBit.SendMessages,
    ];
    if (Array.isArray(body.embeds) && body.embeds.length > 0) needed.push(PermissionBit.EmbedLinks);
    if (isObject(body.message_reference)) needed.push(PermissionBit.ReadMessageHistory);
    const refused = this.missingPermission(channelId, needed);
    if (refused) return refused;
    const fields: JsonObject & { channel_id: string } = {
      channel_id: channelId,
      author: this.botUser,
      content: stringOr(body.content, ''),
      embeds: Array.isArray(body.embeds) ? body.embeds : [],
      components: Array.isArray(body.components) ? body.components : [],
      attachments: this.attachmentsFor(channelId, body, request.files),
      tts: body.tts === true,
      flags: typeof body.flags === 'number' ? body.flags : 0,
      ...(body.nonce !== undefined ? { nonce: body.nonce } : {}),
      ...(isObject(body.poll) ? { poll: body.poll } : {}),
    };
    const reference = isObject(body.message_reference) ? body.message_reference : undefined;
    if (reference && typeof reference.message_id === 'string') {
      const referenced = this.message(stringOr(reference.channel_id, channelId), reference.message_id);
      if (!referenced && reference.fail_if_not_exists !== false)
        return apiError(400, 50035, 'Invalid Form Body', {
          errors: {
            message_reference: { _errors: [{ code: 'REPLIES_UNKNOWN_MESSAGE', message: 'Unknown message' }] },
          },
        });
      fields.type = 19;
      fields.message_reference = {
        type: 0,
        channel_id: channelId,
        message_id: reference.message_id,
        ...(typeof this.channelMap.get(channelId)?.guild_id === 'string'
          ? { guild_id: this.channelMap.get(channelId)?.guild_id }
          : {}),
      };
      fields.referenced_message = referenced ?? null;
    }
    const message = this.storeMessage(this.buildMessage(fields));
    this.dispatchMessageCreate(message);
    return { status: 200, body: message };
  }

  private attachmentsFor(
    channelId: string,
    body: JsonObject,
    files: RecordedFile[],
    existing: JsonObject[] = [],
  ): JsonObject[] {
    const described = objects(body.attachments);
    const kept = existing.filter((attachment) => described.some((d) => d.id === attachment.id));
    const added = files.map((file, index) => {
      const ref = /^files\[(\d+)\]$/.exec(file.field)?.[1] ?? String(index);
      const description = described.find((d) => String(d.id) === ref);
      const id = snowflake();
      const url = `http://127.0.0.1:${this.port}/attachments/${channelId}/${id}/${encodeURIComponent(file.filename)}`;
      return {
        id,
        filename: stringOr(description?.filename, file.filename),
        size: file.size,
        url,
        proxy_url: url,
        content_type: file.contentType,
        ...(typeof description?.description === 'string' ? { description: description.description } : {}),
      };
    });
    return [...kept, ...added];
  }

  private applyEdit(message: JsonObject, body: JsonObject, files: RecordedFile[]): void {
    const wasLoading = typeof message.flags === 'number' && (message.flags & MessageFlag.Loading) !== 0;
    if ('content' in body) message.content = stringOr(body.content, '');
    if ('embeds' in body) message.embeds = Array.isArray(body.embeds) ? body.embeds : [];
    if ('components' in body) message.components = Array.isArray(body.components) ? body.components : [];
    if ('poll' in body && isObject(body.poll)) message.poll = body.poll;
    if ('attachments' in body || files.length > 0) {
      message.attachments = this.attachmentsFor(
        message.channel_id as string,
        body,
        files,
        objects(message.attachments),
      );
    }
    let flags = typeof message.flags === 'number' ? message.flags : 0;
    // Only SUPPRESS_EMBEDS (1 << 2) and IS_COMPONENTS_V2 (1 << 15) can be changed by an edit.
    if (typeof body.flags === 'number')
      flags = (flags & ~((1 << 2) | (1 << 15))) | (body.flags & ((1 << 2) | (1 << 15)));
    message.flags = flags & ~MessageFlag.Loading;
    if (!wasLoading) message.edited_timestamp = new Date().toISOString();
  }

  private startThread({ params, body }: RestContext): RestResult {
    const parentId = params.channelId ?? '';
    const parent = this.channelMap.get(parentId);
    if (!parent) return apiError(404, 10003, 'Unknown Channel');
    const guildId = parent.guild_id;
    if (typeof guildId !== 'string' || ![0, 5, 15, 16].includes(parent.type as number)) {
      return apiError(400, 50024, 'Cannot execute action on this channel type');
    }
    const fromMessage = params.messageId !== undefined;
    const privateThread = !fromMessage && body.type === 12;
    const refused = this.missingPermission(parentId, [
      PermissionBit.ViewChannel,
      privateThread ? PermissionBit.CreatePrivateThreads : PermissionBit.CreatePublicThreads,
    ]);
    if (refused) return refused;
    let source: JsonObject | undefined;
    if (fromMessage) {
      source = this.message(parentId, params.messageId ?? '');
      if (!source) return apiError(404, 10008, 'Unknown Message');
      if (isObject(source.thread) || this.channelMap.has(source.id as string)) {
        return apiError(400, 160004, 'A thread has already been created for this message');
      }
    }
    const name = stringOr(body.name, '').trim();
    if (!name)
      return apiError(400, 50035, 'Invalid Form Body', {
        errors: { name: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] } },
      });

    const now = new Date().toISOString();
    // A thread started from a message takes the message's id, as on Discord.
    const id = source ? (source.id as string) : snowflake();
    const type = fromMessage
      ? parent.type === 5
        ? 10
        : 11
      : typeof body.type === 'number'
        ? body.type
        : parent.type === 15 || parent.type === 16
          ? 11
          : 12;
    const thread: JsonObject = {
      id,
      type,
      guild_id: guildId,
      parent_id: parentId,
      owner_id: this.botUser.id,
      name,
      last_message_id: null,
      rate_limit_per_user: typeof body.rate_limit_per_user === 'number' ? body.rate_limit_per_user : 0,
      flags: 0,
      message_count: 0,
      member_count: 1,
      total_message_sent: 0,
      thread_metadata: {
        archived: false,
        archive_timestamp: now,
        auto_archive_duration:
          typeof body.auto_archive_duration === 'number' ? body.auto_archive_duration : 4320,
        locked: false,
        create_timestamp: now,
        ...(type === 12 ? { invitable: body.invitable !== false } : {}),
      },
      member: { id, user_id: this.botUser.id, join_timestamp: now, flags: 1 },
      ...(Array.isArray(body.applied_tags) ? { applied_tags: body.applied_tags } : {}),
    };
    this.channelMap.set(id, thread);
    const guild = this.guildOf(guildId);
    if (guild) guild.threads = [...objects(guild.threads), thread];
    if (source) {
      source.thread = thread;
      source.flags = (typeof source.flags === 'number' ? source.flags : 0) | MessageFlag.HasThread;
    }
    for (const session of this.liveSessions()) {
      if (!this.options.enforceIntents || (session.intents & Intent.Guilds) !== 0) {
        this.dispatchTo(session, 'THREAD_CREATE', { ...thread, newly_created: true });
      }
    }
    // Forum/media posts carry their first message in the same request.
    if (isObject(body.message)) {
      const first = this.storeMessage(
        this.buildMessage({
          channel_id: id,
          author: this.botUser,
          content: stringOr(body.message.content, ''),
          embeds: Array.isArray(body.message.embeds) ? body.message.embeds : [],
          components: Array.isArray(body.message.components) ? body.message.components : [],
        }),
      );
      return { status: 201, body: { ...thread, message: first } };
    }
    return { status: 201, body: thread };
  }

  private interactionCallback({ params, body, request }: RestContext): RestResult {
    const state = this.interactionMap.get(params.interactionId ?? '');
    if (!state || state.token !== params.token || state.expired) {
      if (state?.expired) request.injected = 'unknown-interaction';
      return apiError(404, 10062, 'Unknown interaction');
    }
    if (state.acknowledged) return apiError(400, 40060, 'Interaction has already been acknowledged.');
    const type = body.type;
    const allowed: Record<number, number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };
    if (typeof type !== 'number' || !(allowed[state.type] ?? []).includes(type)) {
      return apiError(400, 50035, 'Invalid Form Body', {
        errors: {
          type: {
            _errors: [
              {
                code: 'INTERACTION_RESPONSE_TYPE_INVALID',
                message: `Callback type ${String(type)} is not valid for interaction type ${state.type}`,
              },
            ],
          },
        },
      });
    }
    const data = isObject(body.data) ? body.data : {};
    if (type === 4 && isEmptyMessage(data, request.files.length)) return EMPTY_MESSAGE();
    if (
      type === 7 &&
      state.sourceMessage &&
      isEmptyMessage(afterEdit(state.sourceMessage, data), request.files.length)
    )
      return EMPTY_MESSAGE();
    state.acknowledged = true;
    state.callbackType = type;

    if (type === 4 || type === 5) {
      const flags = typeof data.flags === 'number' ? data.flags : 0;
      const message = this.buildMessage({
        channel_id: state.channelId,
        author: this.botUser,
        webhook_id: this.applicationId,
        application_id: this.applicationId,
        type: state.commandType === 1 ? 20 : state.commandType ? 23 : 0,
        content: type === 4 ? stringOr(data.content, '') : '',
        embeds: type === 4 && Array.isArray(data.embeds) ? data.embeds : [],
        components: type === 4 && Array.isArray(data.components) ? data.components : [],
        attachments: type === 4 ? this.attachmentsFor(state.channelId, data, request.files) : [],
        tts: data.tts === true,
        flags:
          (flags & (MessageFlag.Ephemeral | (1 << 2) | (1 << 12) | (1 << 15))) |
          (type === 5 ? MessageFlag.Loading : 0),
        interaction_metadata: {
          id: state.id,
          type: state.type,
          user: state.user,
          authorizing_integration_owners: state.payload.authorizing_integration_owners,
          ...(state.commandName ? { name: state.commandName, command_type: state.commandType } : {}),
        },
      });
      state.original = message;
      if ((flags & MessageFlag.Ephemeral) === 0) this.storeMessage(message);
    } else if (type === 6 || type === 7) {
      state.original = state.sourceMessage;
      if (type === 7 && state.original) this.applyEdit(state.original, data, request.files);
    }

    if (request.query.with_response !== 'true') return { status: 204 };
    const original = state.original;
    return {
      status: 200,
      body: {
        interaction: {
          id: state.id,
          type: state.type,
          activity_instance_id: null,
          response_message_id: original?.id ?? null,
          response_message_loading: original
            ? ((original.flags as number) & MessageFlag.Loading) !== 0
            : null,
          response_message_ephemeral: original
            ? ((original.flags as number) & MessageFlag.Ephemeral) !== 0
            : null,
        },
        resource: {
          type,
          ...(original && (type === 4 || type === 5 || type === 7) ? { message: original } : {}),
        },
      },
    };
  }

  private webhookState(params: Record<string, string>): InteractionState | RestResult {
    const state = this.interactionByToken.get(params.token ?? '');
    // Interaction webhooks only exist once the interaction is acknowledged.
    if (!state || params.webhookId !== this.applicationId || !state.acknowledged)
      return apiError(404, 10015, 'Unknown Webhook');
    return state;
  }

  private webhookExecute({ params, body, request }: RestContext): RestResult {
    const state = this.webhookState(params);
    if ('status' in state) return state;
    if (isEmptyMessage(body, request.files.length)) return EMPTY_MESSAGE();
    const original = state.original;
    let message: JsonObject;
    if (original && typeof original.flags === 'number' && (original.flags & MessageFlag.Loading) !== 0) {
      // The first follow-up after a deferred reply fills the "thinking…" message, as Discord does.
      this.applyEdit(original, body, request.files);
      message = original;
    } else {
      const flags = typeof body.flags === 'number' ? body.flags : 0;
      message = this.buildMessage({
        channel_id: state.channelId,
        author: this.botUser,
        webhook_id: this.applicationId,
        application_id: this.applicationId,
        content: stringOr(body.content, ''),
        embeds: Array.isArray(body.embeds) ? body.embeds : [],
        components: Array.isArray(body.components) ? body.components : [],
        attachments: this.attachmentsFor(state.channelId, body, request.files),
        tts: body.tts === true,
        flags: flags & (MessageFlag.Ephemeral | (1 << 2) | (1 << 12) | (1 << 15)),
        interaction_metadata: {
          id: state.id,
          type: state.type,
          user: state.user,
          authorizing_integration_owners: state.payload.authorizing_integration_owners,
        },
      });
      state.followUps.set(message.id as string, message);
      if ((flags & MessageFlag.Ephemeral) === 0) this.storeMessage(message);
    }
    return request.query.wait === 'true' ? { status: 200, body: message } : { status: 204 };
  }

  private webhookMessage({ params, body, request }: RestContext): RestResult {
    const state = this.webhookState(params);
    if ('status' in state) return state;
    const messageId = params.messageId ?? '';
    const message =
      messageId === '@original' || messageId === state.original?.id
        ? state.original
        : (state.followUps.get(messageId) ?? null);
    if (!message) return apiError(404, 10008, 'Unknown Message');
    if (request.method === 'GET') return { status: 200, body: message };
    if (request.method === 'DELETE') {
      if (message === state.original) state.original = null;
      state.followUps.delete(message.id as string);
      this.messageStore.get(message.channel_id as string)?.delete(message.id as string);
      return { status: 204 };
    }
    // Editing a deferred "thinking…" reply (or any message) down to nothing is refused.
    if (isEmptyMessage(afterEdit(message, body), request.files.length)) return EMPTY_MESSAGE();
    this.applyEdit(message, body, request.files);
    return { status: 200, body: message };
  }

  private commandsRoute(
    { params, request }: RestContext,
    action: 'list' | 'overwrite' | 'create' | 'delete',
  ): RestResult {
    if (params.appId !== this.applicationId) return apiError(403, 50001, 'Missing Access');
    const guildId = params.guildId;
    if (guildId !== undefined && !this.guildOf(guildId)) return apiError(404, 10004, 'Unknown Guild');
    const list = guildId === undefined ? this.globalCommands : (this.guildCommands.get(guildId) ?? []);
    const save = (commands: JsonObject[]): void => {
      if (guildId === undefined) this.globalCommands.splice(0, this.globalCommands.length, ...commands);
      else this.guildCommands.set(guildId, commands);
    };
    const complete = (input: JsonObject): JsonObject => {
      const type = typeof input.type === 'number' ? input.type : 1;
      const existing = list.find((command) => command.name === input.name && command.type === type);
      return {
        description: '',
        options: [],
        default_member_permissions: null,
        dm_permission: true,
        nsfw: false,
        contexts: null,
        integration_types: [0],
        ...input,
        id: existing?.id ?? snowflake(),
        application_id: this.applicationId,
        version: snowflake(),
        type,
        ...(guildId !== undefined ? { guild_id: guildId } : {}),
      };
    };
    switch (action) {
      case 'list':
        return { status: 200, body: list };
      case 'overwrite': {
        if (!Array.isArray(request.body))
          return apiError(400, 50035, 'Invalid Form Body', {
            errors: { _errors: [{ code: 'LIST_TYPE_CONVERT', message: 'Must be an array.' }] },
          });
        const commands = request.body.filter(isObject).map(complete);
        save(commands);
        return { status: 200, body: commands };
      }
      case 'create': {
        const body = isObject(request.body) ? request.body : {};
        const command = complete(body);
        const existed = list.some((c) => c.id === command.id);
        save([...list.filter((c) => c.id !== command.id), command]);
        return { status: existed ? 200 : 201, body: command };
      }
      case 'delete': {
        if (!list.some((c) => c.id === params.commandId))
          return apiError(404, 10063, 'Unknown application command');
        save(list.filter((c) => c.id !== params.commandId));
        return { status: 204 };
      }
    }
  }

  /**
   * Closes every gateway connection with 4004 (so a shard still reconnecting in @discordjs/ws gives
   * up instead of retrying forever), then the servers. Idempotent.
   */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const open = [...this.connections];
      for (const connection of open) {
        if (connection.session) connection.session.ended = true;
        this.closeSocket(connection, 4004, 'Fake Discord stopped');
      }
      await Promise.race([Promise.all(open.map((connection) => connection.closed)), sleep(1000)]);
      for (const connection of this.connections) {
        connection.closedByServer = true;
        connection.socket.terminate();
      }
      await new Promise<void>((resolve) => this.wss.close(() => resolve()));
      this.http.closeAllConnections();
      await new Promise<void>((resolve) => this.http.close(() => resolve()));
    })();
    return this.stopping;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function parseBody(
  raw: Buffer,
  contentType: string | null,
): Promise<{ body: unknown; files: RecordedFile[]; error?: RestResult }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'multipart/form-data') {
    const bytes = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength) as ArrayBuffer;
    const form = await new Response(bytes, { headers: { 'content-type': contentType ?? '' } }).formData();
    const files: RecordedFile[] = [];
    let body: unknown;
    const fields: JsonObject = {};
    for (const [field, value] of form) {
      if (typeof value === 'string') {
        if (field === 'payload_json') {
          try {
            body = JSON.parse(value);
          } catch {
            return {
              body: value,
              files,
              error: apiError(400, 50109, 'The request body contains invalid JSON.'),
            };
          }
        } else fields[field] = value;
      } else {
        files.push({
          field,
          filename: value.name,
          contentType: value.type || 'application/octet-stream',
          size: value.size,
        });
      }
    }
    return { body: body ?? fields, files };
  }
  const text = raw.toString('utf8');
  if (type === 'application/json') {
    try {
      return { body: JSON.parse(text), files: [] };
    } catch {
      return {
        body: text,
        files: [],
        error: apiError(400, 50109, 'The request body contains invalid JSON.'),
      };
    }
  }
  return { body: text, files: [] };
}

/** Starts a fake Discord on 127.0.0.1 (ephemeral port) and resolves once it is listening. */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  return new FakeDiscord(http, wss, port, options);
}

/**
 * Resolves once the client is ready and every shard is Ready again (e.g. after a RESUME).
 * Wait for this before `client.destroy()`: destroying while @discordjs/ws 1.x sits in its reconnect
 * back-off leaves the shard reconnecting forever.
 */
export async function waitForClientReady(client: Client, timeoutMs = 5000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  const allReady = (): boolean =>
    client.isReady() &&
    client.ws.shards.size > 0 &&
    client.ws.shards.every((shard) => shard.status === Status.Ready);
  while (!allReady()) {
    if (performance.now() > deadline) {
      const shards = client.ws.shards.map((shard) => `shard ${shard.id}: ${Status[shard.status]}`).join(', ');
      throw new Error(
        `Timed out after ${timeoutMs} ms waiting for the client to be ready (${shards || 'no shards'})`,
      );
    }
    await sleep(10);
  }
}

/**
 * Destroys a client safely: if it ever became ready, first waits (bounded) until no shard is in the
 * middle of reconnecting, resuming or identifying, so no reconnect back-off is pending, then calls
 * `client.destroy()`. Shards that gave up (Disconnected) do not delay it.
 */
export async function destroyClient(client: Client, timeoutMs = 5000): Promise<void> {
  if (client.readyTimestamp !== null) {
    const deadline = performance.now() + timeoutMs;
    const settled = (): boolean =>
      client.ws.shards.every((shard) =>
        [Status.Ready, Status.Disconnected, Status.Idle].includes(shard.status),
      );
    while (!settled() && performance.now() < deadline) await sleep(10);
  }
  await client.destroy();
}
