/**
 * The dimensions backend work is judged on (see the seed: throughput,
 * latency, availability, data volume; database performance, reliability
 * patterns, observability; architecture decisions), with the wording that
 * shows each one in a bullet. Shared by the backend rules and the resume
 * report, so "does this resume show observability?" has one answer.
 *
 * Patterns read plain prose (run `toProse` first) and carry no `g` flag, so
 * `test` has no state between calls.
 */

export type BackendDimensionId =
  'throughput' | 'latency' | 'availability' | 'data-volume' | 'database' | 'reliability' | 'observability' | 'architecture';

export interface BackendDimension {
  id: BackendDimensionId;
  /** Short, for headings and messages: "database performance". */
  label: string;
  patterns: readonly RegExp[];
}

/** Message brokers: a queue is both a reliability pattern and an architecture choice. */
const BROKERS = /\b(?:kafka|rabbitmq|amazon sqs|sqs|sns|pub\/sub|pubsub|nats|activemq|kinesis|event ?hubs?|service bus)\b/i;

/** Databases by name, for the changes made to one ("replaced MongoDB with PostgreSQL"). */
const DATABASES =
  '(?:postgres(?:ql)?|mysql|mariadb|mongo(?:db)?|cassandra|scylla(?:db)?|dynamo(?:db)?|redis|sqlite|oracle|sql server|mssql|cockroach(?:db)?|clickhouse|elasticsearch|couchbase|aurora|spanner|bigtable|neo4j|timescale(?:db)?|influx(?:db)?)';

/** A database by name, or the word itself. */
const A_DATABASE = `(?:${DATABASES}|databases?|dbs?)`;

/** What a dashboard watches when it is observability; an admin or sales dashboard of a product is not. */
const WATCHED =
  '(?:metrics?|monitoring|observability|grafana|kibana|health|latenc(?:y|ies)|errors?|error[- ]rates?|slos?|slis?|uptime|alerting|alerts|incidents?|on-?call|throughput|saturation|capacity)';

export const BACKEND_DIMENSIONS: readonly BackendDimension[] = [
  {
    id: 'throughput',
    label: 'throughput',
    patterns: [
      /\bthroughput\b/i,
      /\b(?:rps|qps|tps|req\/s|requests\/s)\b/i,
      /\b(?:requests?|calls|messages|msgs|events|transactions|queries|orders|jobs|writes|reads)\s*(?:\/|per |an? |each )\s*(?:s|sec|second|min|minute|h|hr|hour|day|month)\b/i,
      /\bconcurrent (?:users|connections|requests|sessions)\b/i,
    ],
  },
  {
    id: 'latency',
    label: 'latency',
    patterns: [
      /\blatenc(?:y|ies)\b/i,
      /\bresponse[- ]times?\b/i,
      /\b(?:tp|p)(?:50|75|90|95|99|99\.9|999)\b/i,
      /\b\d+(?:\.\d+)?\s*(?:ms|milliseconds?)\b/i,
      /\b(?:ttfb|time to first byte)\b/i,
    ],
  },
  {
    id: 'availability',
    label: 'availability',
    patterns: [
      /\bavailability\b/i,
      /\bhighly[- ]available\b/i,
      /\b(?:uptime|downtime)\b/i,
      /\bSL[AOI]s?\b/,
      /\b(?:two|three|four|five|[2-5]) nines\b/i,
      /\b99(?:\.\d+)?\s?%/,
    ],
  },
  {
    id: 'data-volume',
    label: 'data volume',
    patterns: [
      /\b\d[\d.,]*\s*(?:tb|pb|gb|terabytes?|petabytes?|gigabytes?)\b/i,
      /\b\d[\d.,]*\s*(?:k|m|b|bn|thousand|million|billion)\+?\s+(?:rows|records|documents|events|messages|objects|entries|items|files|transactions)\b/i,
      /\b(?:data volumes?|big data)\b/i,
    ],
  },
  {
    id: 'database',
    label: 'database performance',
    patterns: [
      /\bindex(?:es|ed|ing)?\b/i,
      /\bindices\b/i,
      /\b(?:read[- ])?replicas?\b/i,
      /\breplication\b/i,
      /\bquer(?:y|ies) (?:tuning|optimi[sz]ations?|optimi[sz]ed|performance|plans?|latency)\b/i,
      /\b(?:optimi[sz]ed|optimi[sz]ing|tuned|tuning|rewrote|rewriting) (?:\S+ ){0,3}?(?:sql |database |db )?quer(?:y|ies)\b/i,
      /\bslow quer(?:y|ies)\b/i,
      /\bexplain (?:analy[sz]e|plans?)\b/i,
      /\b(?:database|db|schema) (?:design|tuning|optimi[sz]ation|performance|migrations?)\b/i,
      /\b(?:designed|normali[sz]ed|denormali[sz]ed|modell?ed) (?:\S+ ){0,3}?schemas?\b/i,
      /\b(?:de)?normali[sz]ation\b/i,
      /\b(?:data|db|database|schema) model(?:l)?(?:ing|ed)\b/i,
      /\b(?:database|db) (?:architecture|schemas?|indexes|internals)\b/i,
      /\bpartition(?:s|ed|ing)?\b/i,
      /\bshard(?:s|ed|ing)?\b/i,
      /\bmateriali[sz]ed views?\b/i,
      /\bconnection pool(?:s|ing)?\b/i,
      /\bN\+1\b/,
      /\bcach(?:e|es|ed|ing)\b/i,
      /\bdeadlocks?\b/i,
      // Splitting a database, a major upgrade of one, replacing one with another, building a store.
      new RegExp(`\\b(?:split|splitting|splits)(?:\\s+[\\w'-]+){0,3}?\\s+${A_DATABASE}\\b|\\b${A_DATABASE} (?:split|splitting)\\b`, 'i'),
      new RegExp(
        `\\bmajor[- ]version upgrades?\\b[^.;]{0,60}\\b${A_DATABASE}\\b|\\b${A_DATABASE}\\b[^.;]{0,60}\\bmajor[- ]version upgrades?\\b`,
        'i',
      ),
      new RegExp(`\\bupgrad(?:e|ed|ing)\\b[^.;]{0,30}\\b${DATABASES}\\s*(?:from\\s*)?v?\\d+(?:\\.\\d+)?\\s*(?:to|->|→)\\s*v?\\d+`, 'i'),
      new RegExp(`\\breplac(?:e|ed|es|ing)\\b[^.;]{1,60}?\\bwith (?:an? )?${DATABASES}\\b`, 'i'),
      new RegExp(
        `\\b(?:migrat(?:e|ed|es|ing)|moved?|moving|switch(?:ed|ing)?)\\b[^.;]{0,40}?\\b(?:from )?${DATABASES} to ${DATABASES}\\b`,
        'i',
      ),
      /\b(?:data|key[- ]value|document|time[- ]series|event|blob|object|column) ?stores?\b/i,
      /\bdatastores?\b/i,
    ],
  },
  {
    id: 'reliability',
    label: 'reliability patterns',
    patterns: [
      /\bidempoten(?:t|cy|ce)\b/i,
      /\bretr(?:y|ies|ied|ying)\b/i,
      /\bback-?off\b/i,
      /\bcircuit[- ]?breakers?\b/i,
      /\bdead[- ]letter\b/i,
      /\bDLQs?\b/,
      /\brate[- ]limit(?:s|ing|er|ers|ed)?\b/i,
      /\bthrottl(?:e|es|ed|ing)\b/i,
      /\bqueu(?:e|es|ed|ing|eing)\b/i,
      /\bmessage (?:bus(?:es)?|brokers?)\b/i,
      BROKERS,
      /\bfail-?over\b/i,
      /\bgraceful(?:ly)? degrad/i,
      /\bbulkheads?\b/i,
      /\btimeouts?\b/i,
      /\boutbox\b/i,
      /\b(?:exactly|at[- ]least)[- ]once\b/i,
      /\bchaos (?:engineering|testing|experiments?)\b/i,
      /\bdisaster recovery\b/i,
      /\bload[- ]test(?:s|ed|ing)?\b/i,
      /\bredundan(?:cy|t)\b/i,
      /\bfault[- ]toleran(?:t|ce)\b/i,
      /\bquotas?\b/i,
      /\b(?:bandwidth|rate|traffic|flow|admission|congestion) control\b/i,
      /\bbandwidth (?:limit(?:s|ing)?|caps?|throttling|shaping|management)\b/i,
      /\btraffic shaping\b/i,
      /\bbackground (?:processing|jobs?|workers?|tasks?)\b/i,
      /\b(?:job|task|work) queues?\b/i,
    ],
  },
  {
    id: 'observability',
    label: 'observability',
    patterns: [
      /\bobservability\b/i,
      /\blog(?:s|ging)\b/i,
      /\btrac(?:ing|es)\b/i,
      /\balert(?:s|ing)\b/i,
      /\bmetrics\b/i,
      new RegExp(`\\b${WATCHED}\\b[^.;]{0,30}?\\bdashboards?\\b|\\bdashboards?\\b[^.;]{0,40}?\\b${WATCHED}\\b`, 'i'),
      /\bmonitor(?:ing|ed)\b/i,
      /\bSL[OI]s?\b/,
      /\binstrument(?:ed|ing|ation)\b/i,
      /\bon-?call\b/i,
      /\b(?:runbooks?|post-?mortems?)\b/i,
      /\b(?:opentelemetry|otel|prometheus|grafana|datadog|new relic|newrelic|splunk|elk|kibana|jaeger|zipkin|sentry|cloudwatch|honeycomb|pagerduty|opsgenie|loki|dynatrace|appdynamics|stackdriver)\b/i,
    ],
  },
  {
    id: 'architecture',
    label: 'architecture',
    patterns: [
      /\bmicro-?services?\b/i,
      /\bmonolith(?:s|ic)?\b/i,
      /\bevent[- ]driven\b/i,
      /\bevent[- ]sourc(?:ed|ing)\b/i,
      /\bCQRS\b/,
      /\b(?:REST|RESTful|gRPC|GraphQL)\b/i,
      /\bAPIs?\b/,
      /\bmessage (?:queues?|brokers?|bus(?:es)?)\b/i,
      BROKERS,
      /\bserverless\b/i,
      /\bservice mesh\b/i,
      /\b(?:domain[- ]driven|DDD|hexagonal)\b/i,
      /\bdistributed systems?\b/i,
      /\bcach(?:e|es|ing)\b/i,
      /\bre-?architect(?:ed|ing|ure)?\b/i,
      /\bload[- ]balanc(?:er|ers|ing)\b/i,
      /\bAPI gateway\b/i,
      /\bwebsockets?\b/i,
    ],
  },
];

const BY_ID = new Map(BACKEND_DIMENSIONS.map((dimension) => [dimension.id, dimension]));

export function backendDimension(id: BackendDimensionId): BackendDimension {
  // Every id of the union is in the list above.
  return BY_ID.get(id) as BackendDimension;
}

/** Whether plain text shows one dimension. */
export function showsDimension(text: string, id: BackendDimensionId): boolean {
  return backendDimension(id).patterns.some((pattern) => pattern.test(text));
}

/** The dimensions plain text shows, in the list's order. */
export function dimensionsOf(text: string): BackendDimensionId[] {
  return BACKEND_DIMENSIONS.filter((dimension) => dimension.patterns.some((pattern) => pattern.test(text))).map(
    (dimension) => dimension.id,
  );
}
