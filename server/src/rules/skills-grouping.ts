/**
 * The seed groups skills the way a backend reviewer reads them: Languages,
 * Data, Architecture, Reliability, Cloud. Two shapes defeat that reading: one
 * flat "Skills" bucket holding everything, and one group per technology
 * ("name: Java", "name: Python" …). A third problem is depth: the seed says
 * to lead with the language you know best "rather than listing all of them
 * shallowly", so more than six programming languages is flagged too.
 *
 * Sensible groupings of one's own ("Backend", "Databases", "DevOps") are left
 * alone: they read well, and the seed's five are a model, not a law.
 */
import type { FixIntent } from '../engine/fixIntent';
import { resumeView, type SkillsGroupView, type SkillsView } from '../engine/layouts';
import type { ResumeRule, RuleContext } from '../engine/rule';
import type { OffsetRange } from '../engine/types';

export type SkillCategory = 'Languages' | 'Data' | 'Architecture' | 'Reliability' | 'Cloud' | 'Other';

const SEED_CATEGORIES: readonly SkillCategory[] = ['Languages', 'Data', 'Architecture', 'Reliability', 'Cloud'];

/**
 * First match wins, so specific products come before the generic words they
 * contain: "SQL Server" is Data before "SQL" is a language, "Amazon SQS" is
 * Architecture before "Amazon" is Cloud, "CloudWatch" is Reliability.
 */
const TAXONOMY: readonly [RegExp, SkillCategory][] = [
  [
    /\b(?:postgres(?:ql)?|mysql|mariadb|sql server|ms ?sql|oracle(?: db| database)?|sqlite|redis|memcached|mongo(?:db)?|dynamo ?db|cassandra|scylla(?:db)?|elastic ?search|opensearch|solr|neo4j|couch(?:db|base)|firebase|firestore|bigquery|snowflake|redshift|clickhouse|influx ?db|timescale(?:db)?|hbase|hadoop|(?:py)?spark|airflow|dbt|flink|hive|presto|trino|databricks|nosql|databases?|rdbms|query optimi[sz]ation|indexing|data model(?:l)?ing|etl|elt|hibernate|jpa|jdbc|sqlalchemy|entity framework|sequelize|typeorm|prisma|mongoose|orm|supabase|cockroach(?:db)?|cosmos ?db|aurora|rds|pandas|numpy|data ?warehous\w*|data ?lakes?|kafka streams)\b/i,
    'Data',
  ],
  [
    /\b(?:rest(?:ful)?|grpc|graphql|soap|openapi|swagger|kafka|rabbit ?mq|sqs|sns|pub\/?sub|nats|active ?mq|zero ?mq|kinesis|event ?hubs?|service bus|message (?:queues?|brokers?)|micro-?services?|event[- ]driven|event sourcing|cqrs|ddd|domain[- ]driven(?: design)?|hexagonal(?: architecture)?|caching|cache|websockets?|api design|apis?|system design|distributed systems|design patterns|soa|service mesh|istio|envoy|api gateway|oauth ?2?|jwt|protobuf|protocol buffers)\b/i,
    'Architecture',
  ],
  [
    /\b(?:observability|monitoring|logging|tracing|alerting|prometheus|grafana|datadog|new ?relic|sentry|elk|kibana|logstash|splunk|jaeger|zipkin|open ?telemetry|otel|pagerduty|opsgenie|cloudwatch|loki|dynatrace|appdynamics|idempoten\w*|retries|circuit breakers?|rate limiting|load testing|performance testing|stress testing|k6|jmeter|gatling|locust|ci ?\/ ?cd|ci|cd|continuous (?:integration|delivery|deployment)|jenkins|github actions|gitlab(?: ci)?|circle ?ci|travis(?: ci)?|argo ?cd|spinnaker|teamcity|bamboo|azure devops|buildkite|unit testing|integration testing|testing|tdd|bdd|junit|pytest|jest|mocha|rspec|selenium|cypress|playwright|chaos engineering|sre|site reliability(?: engineering)?|incident (?:response|management)|on-?call|sonarqube)\b/i,
    'Reliability',
  ],
];

/**
 * Programming languages, one pattern each so "C/C++" counts two. SQL and
 * shells are filed with languages but not counted: they go with any stack,
 * and nobody reads "Java, SQL, Bash" as shallow. Runtimes are not counted.
 */
const LANGUAGES: readonly [string, RegExp][] = [
  ['Java', /\bjava\b/i],
  ['Go', /^(?:go|golang)\b|\bgolang\b/i],
  ['Python', /\bpython\d?\b/i],
  ['C#', /(?:^|[^\w])c#/i],
  ['C++', /(?:^|[^\w])c\+\+/i],
  ['C', /(?:^|[\s/,(])C(?=$|[\s/,)])/],
  ['JavaScript', /\b(?:javascript|ecmascript|es20\d\d|es6)\b/i],
  ['TypeScript', /\btypescript\b/i],
  ['Ruby', /\bruby\b/i],
  ['PHP', /\bphp\b/i],
  ['Rust', /\brust\b/i],
  ['Kotlin', /\bkotlin\b/i],
  ['Scala', /\bscala\b/i],
  ['Swift', /\bswift\b/i],
  ['Objective-C', /\bobjective-?c\b/i],
  ['Elixir', /\belixir\b/i],
  ['Erlang', /\berlang\b/i],
  ['Haskell', /\bhaskell\b/i],
  ['Clojure', /\bclojure\b/i],
  ['Perl', /\bperl\b/i],
  ['R', /^r$/i],
  ['Dart', /\bdart\b/i],
  ['Lua', /\blua\b/i],
  ['Groovy', /\bgroovy\b/i],
  ['F#', /(?:^|[^\w])f#/i],
  ['Visual Basic', /\b(?:vb\.net|vba|visual basic)\b/i],
  ['MATLAB', /\bmatlab\b/i],
  ['Julia', /\bjulia\b/i],
  ['OCaml', /\bocaml\b/i],
  ['Zig', /\bzig\b/i],
  ['Solidity', /\bsolidity\b/i],
  ['Fortran', /\bfortran\b/i],
  ['COBOL', /\bcobol\b/i],
  ['Assembly', /\bassembly\b|\basm\b/i],
];

/** Languages' frameworks and runtimes, filed with the languages they belong to. */
const LANGUAGE_ADJACENT =
  /\b(?:sql|pl\/sql|t-sql|node(?:\.?js)?|deno|bun|spring(?: boot)?|django|flask|fastapi|express(?:\.?js)?|nest ?js|\.net|dotnet|asp\.net|\.net core|rails|laravel|symfony|gin|ktor|micronaut|quarkus|phoenix|actix|jvm|bash|shell|powershell|zsh)\b|(?:^|[^\w])\.net\b/i;

const CLOUD =
  /\b(?:aws|amazon web services|ec2|s3|lambda|ecs|eks|fargate|gcp|google cloud(?: platform)?|gke|cloud run|app engine|azure|aks|docker|containers?|containeri[sz]ation|kubernetes|k8s|k3s|helm|openshift|terraform|opentofu|pulumi|cloudformation|cdk|ansible|chef|puppet|saltstack|vagrant|packer|serverless|heroku|digital ?ocean|linode|vercel|netlify|cloudflare|linux|unix|ubuntu|debian|centos|rhel|nginx|apache|haproxy|iac|infrastructure as code|vpc|iam|cloud|devops|gitops|consul|vault|nomad)\b/i;

/** A language list longer than this reads as shallow (the seed lists six). */
const MAX_LANGUAGES = 6;
/** A single bucket this big, spanning this many of the seed's areas, is a flat list. */
const FLAT_MIN_KEYWORDS = 8;
const FLAT_MIN_CATEGORIES = 3;
/** This many groups, most holding one keyword or none, is one group per technology. */
const PER_TECH_MIN_GROUPS = 5;
const PER_TECH_SHARE = 0.6;

const GENERIC_GROUP_NAME =
  /^\s*(?:(?:my |core |key |technical |tech |hard |professional )?(?:skills?|skill ?set|technolog(?:y|ies)|tech(?:nical)?(?: stack)?|stack|tools?|competenc(?:y|ies)|expertise|keywords|toolbox|proficienc(?:y|ies))(?: (?:&|and) tools)?)?\s*$/i;
const SEED_GROUP_NAME = /^\s*(?:languages|data|architecture|reliability|cloud|other)\s*$/i;
const LANGUAGES_GROUP_NAME = /\b(?:(?:programming |coding |scripting )?languages?|programming)\b/i;
const HUMAN_LANGUAGES_GROUP_NAME = /\b(?:spoken|natural|human|foreign)\b/i;

/** A skills group as the rule reads it: the view's group, its items split into skills. */
interface Group extends SkillsGroupView {
  /** Items as skills: comma lists split, empty ones dropped. */
  keywords: string[];
}

export function categoryOf(skill: string): SkillCategory {
  for (const [pattern, category] of TAXONOMY) if (pattern.test(skill)) return category;
  if (LANGUAGES.some(([, pattern]) => pattern.test(skill)) || LANGUAGE_ADJACENT.test(skill)) return 'Languages';
  if (CLOUD.test(skill)) return 'Cloud';
  return 'Other';
}

/** The distinct programming languages named in some skills, in order of appearance. */
export function languagesIn(skills: readonly string[]): string[] {
  const found: string[] = [];
  for (const skill of skills) {
    for (const [name, pattern] of LANGUAGES) if (pattern.test(skill) && !found.includes(name)) found.push(name);
  }
  return found;
}

const REGROUP_TITLE = 'Regroup skills as Languages, Data, Architecture, Reliability, Cloud';

const rule: ResumeRule = {
  meta: {
    id: 'skills-grouping',
    severity: 'info',
    description:
      'Skills in one flat list or one group per technology instead of groups a reviewer scans (Languages, Data, Architecture, Reliability, Cloud), or more than six programming languages.',
    fixable: true,
    suggestions: [REGROUP_TITLE],
    tags: ['skills', 'backend'],
    backendOnly: true,
  },
  check(context) {
    const skills = resumeView(context.model).skills;
    if (!skills.keyRange || !skills.listed || !skills.ownShape) return;
    const { keyRange } = skills;
    const groups = skills.groups.map((group): Group => ({ ...group, keywords: group.items.flatMap(splitKeyword) }));
    if (groups.length === 0) return;
    checkGrouping(context, { ...skills, keyRange }, groups);
    checkLanguageCount(context, keyRange, groups);
  },
};

/** "Java, Kotlin, Scala" is three skills; "Strong design and UX skills, Figma" stays whole. */
function splitKeyword(keyword: unknown): string[] {
  if (typeof keyword !== 'string' && typeof keyword !== 'number') return [];
  const text = String(keyword).trim();
  if (!text) return [];
  const pieces = text
    .split(/\s*,\s*/)
    .map((piece) => piece.replace(/\s*\betc\.?$/i, '').trim())
    .filter(Boolean);
  const short = pieces.length > 1 && pieces.every((piece) => piece.split(/\s+/).length <= 4);
  return short ? pieces : [text];
}

interface Skill {
  text: string;
  category: SkillCategory;
}

/**
 * Every skill a group names. In a per-technology list the name is the skill
 * and its keywords describe it ("Python: Scripting, OpenCV"), so they stay
 * together as "Python (Scripting, OpenCV)", filed by the name.
 */
function skillsOfGroup(group: Group, perTechnology: boolean): Skill[] {
  const plain = (text: string): Skill => ({ text, category: categoryOf(text) });
  if (group.bare) return group.name ? [plain(group.name)] : [];
  if (!group.name) return group.keywords.map(plain);
  if (perTechnology) {
    const text = group.items.length ? `${group.name} (${group.items.join(', ')})` : group.name;
    const byName = categoryOf(group.name);
    return [{ text, category: byName === 'Other' ? categoryOf(text) : byName }];
  }
  return group.keywords.length ? group.keywords.map(plain) : [plain(group.name)];
}

function checkGrouping(context: RuleContext, skillsView: SkillsView & { keyRange: OffsetRange }, groups: Group[]): void {
  const shape = badShape(groups);
  if (!shape) return;
  const perTechnology = shape.kind === 'per-technology';
  const skills = dedupe(groups.flatMap((group) => skillsOfGroup(group, perTechnology)));
  const message =
    shape.kind === 'flat'
      ? `${shape.label} holds ${shape.count} skills in one list: group them as a reviewer scans them (Languages, Data, Architecture, Reliability, Cloud).`
      : `Skills are one group per technology (${shape.count} groups): group them as a reviewer scans them (Languages, Data, Architecture, Reliability, Cloud).`;
  // Regrouping keeps names and keywords only: with levels or other fields it would drop them.
  const lossless = groups.every((group) => !group.hasOtherFields);
  const fix = lossless ? groupingFix(skillsView, skills) : undefined;
  context.report({ range: skillsView.keyRange, message, fixes: fix ? [fix] : [] });
}

type Shape = { kind: 'flat'; label: string; count: number } | { kind: 'per-technology'; count: number };

function badShape(groups: Group[]): Shape | undefined {
  const bare = groups.filter((group) => group.bare);
  if (bare.length === groups.length) {
    const skills = bare.map((group) => group.name).filter(Boolean);
    return spansAreas(skills) ? { kind: 'flat', label: '`skills`', count: skills.length } : undefined;
  }
  const total = groups.reduce((sum, group) => sum + group.keywords.length, 0);
  for (const group of groups) {
    if (group.bare || group.keywords.length < FLAT_MIN_KEYWORDS || !spansAreas(group.keywords)) continue;
    const alone = groups.length === 1;
    const generic = GENERIC_GROUP_NAME.test(group.name) && group.keywords.length * 2 >= total;
    if (alone || generic) {
      const label = group.name ? `\`${group.name}\`` : 'An unnamed skills group';
      return { kind: 'flat', label, count: group.keywords.length };
    }
  }
  // A seed group with one keyword ("Cloud: [AWS]") is a short group, not a technology.
  const single = groups.filter((group) => group.bare || (group.keywords.length <= 1 && !SEED_GROUP_NAME.test(group.name))).length;
  if (groups.length >= PER_TECH_MIN_GROUPS && single >= PER_TECH_SHARE * groups.length) {
    return { kind: 'per-technology', count: groups.length };
  }
  return undefined;
}

function spansAreas(skills: readonly string[]): boolean {
  if (skills.length < FLAT_MIN_KEYWORDS) return false;
  const areas = new Set(skills.map(categoryOf).filter((category) => category !== 'Other'));
  return areas.size >= FLAT_MIN_CATEGORIES;
}

function checkLanguageCount(context: RuleContext, keyRange: OffsetRange, groups: Group[]): void {
  const all = groups.flatMap((group) => [group.name, ...group.keywords]);
  const languages = languagesIn(all);
  if (languages.length <= MAX_LANGUAGES) return;
  const languagesGroup = groups.find(
    (group) => !group.bare && LANGUAGES_GROUP_NAME.test(group.name) && !HUMAN_LANGUAGES_GROUP_NAME.test(group.name),
  );
  const keywordsRange = languagesGroup ? context.model.entries.get(languagesGroup.itemsPath)?.valueRange : undefined;
  const shown = languages.slice(0, 4).join(', ');
  context.report({
    range: keywordsRange ?? keyRange,
    message: `${languages.length} programming languages listed (${shown}, …): lead with the one or two the role uses and you know best; a long list reads as shallow.`,
  });
}

function dedupe(skills: readonly Skill[]): Skill[] {
  const seen = new Set<string>();
  return skills.filter((skill) => {
    const key = skill.text.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Replaces the whole skills list with the seed's groups, every skill kept. */
function groupingFix(skillsView: SkillsView, skills: readonly Skill[]): FixIntent | undefined {
  if (skills.length === 0) return undefined;
  const byCategory = new Map<SkillCategory, string[]>();
  for (const skill of skills) byCategory.set(skill.category, [...(byCategory.get(skill.category) ?? []), skill.text]);
  const grouped = [...SEED_CATEGORIES, 'Other' as const]
    .filter((category) => byCategory.has(category))
    .map((category) => skillsView.groupItem(category, byCategory.get(category) ?? []));
  return { title: REGROUP_TITLE, changes: [{ kind: 'setList', path: skillsView.path, items: grouped }] };
}

export default rule;
