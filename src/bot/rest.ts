/**
 * The bot's REST set-up: interaction webhooks outside discord.js's client-side global limit.
 *
 * Discord does not count interaction endpoints against a bot's global rate limit (50 requests a
 * second), but @discordjs/rest counts every request it queues on one manager against it, exempting
 * only the interaction callback (its burst handler). Under a burst of commands the edits that
 * carry the final answers (`PATCH /webhooks/{application}/{token}/messages/@original`) and the
 * follow-ups then queue behind that limit for seconds. @discordjs/rest has no per-request switch
 * for this; its global accounting lives on the manager. So the bot keeps two managers with the same
 * options: the client's own for every bot-authenticated route (channel messages, threads, commands),
 * under the global limit, and a second one, with no client-side global limit, only for the
 * application's interaction webhooks. The second still has its own per-route buckets (one per
 * interaction token, from Discord's rate-limit headers), retries on 429 and pauses for a global
 * 429 should Discord ever send one; only discord.js's pre-emptive 50-a-second count is gone.
 */
import { REST, RESTEvents, type Client, type InternalRequest, type RESTOptions } from 'discord.js';

/** Whether a route is one of the application's interaction webhooks (edits, follow-ups, deletes of replies). */
export function isInteractionWebhookRoute(route: string, applicationId: string | null | undefined): boolean {
  return applicationId ? route.startsWith(`/webhooks/${applicationId}/`) : false;
}

/**
 * A REST manager that sends the application's interaction-webhook requests through a second
 * manager without the client-side global limit, and everything else through itself as usual.
 * Events of both (rate limits, responses, debug) are emitted on this one.
 */
export class InteractionAwareREST extends REST {
  /** The manager for interaction webhooks only. */
  readonly interactionWebhooks: REST;

  constructor(
    options: Partial<RESTOptions>,
    /** The application id (known once the client is ready); until then nothing is routed aside. */
    private readonly applicationId: () => string | null | undefined,
  ) {
    super(options);
    // Infinity is @discordjs/rest's documented "unlimited" for this option; a 429 still pauses it.
    this.interactionWebhooks = new REST({ ...options, globalRequestsPerSecond: Number.POSITIVE_INFINITY });
    for (const event of Object.values(RESTEvents))
      this.interactionWebhooks.on(event, (...args: unknown[]) =>
        (this.emit as (name: string, ...rest: unknown[]) => boolean)(event, ...args),
      );
  }

  override setToken(token: string | null): this {
    super.setToken(token as string);
    this.interactionWebhooks.setToken(token as string);
    return this;
  }

  override queueRequest(request: InternalRequest): ReturnType<REST['queueRequest']> {
    return isInteractionWebhookRoute(request.fullRoute, this.applicationId())
      ? this.interactionWebhooks.queueRequest(request)
      : super.queueRequest(request);
  }

  override clearHashSweeper(): void {
    super.clearHashSweeper();
    this.interactionWebhooks.clearHashSweeper();
  }

  override clearHandlerSweeper(): void {
    super.clearHandlerSweeper();
    this.interactionWebhooks.clearHandlerSweeper();
  }
}

/**
 * Gives a client (before login) an {@link InteractionAwareREST} built from its own REST options,
 * in place of the plain manager discord.js created.
 */
export function exemptInteractionWebhooks(client: Client): InteractionAwareREST {
  const rest = new InteractionAwareREST(client.options.rest ?? {}, () => client.application?.id);
  client.rest.clearHashSweeper();
  client.rest.clearHandlerSweeper();
  client.rest = rest;
  return rest;
}
