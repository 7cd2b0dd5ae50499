import { getMetadataStorage, type MetadataStorage } from 'class-validator';

type Rules = ReturnType<MetadataStorage['getTargetValidationMetadatas']>;
type RulesByProperty = ReturnType<MetadataStorage['groupByPropertyName']>;

const cached = new WeakSet<MetadataStorage>();

/**
 * class-validator finds a class's rules anew on every validation of every object, testing each
 * class it knows for being an ancestor (typestack/class-validator#2686): work per request that
 * grows with the number of DTOs, nested objects validated several times over. A class's rules
 * are all registered when its module loads, so each lookup is kept; registering any rule
 * forgets them all.
 */
export function cacheValidationRuleLookups(storage: MetadataStorage = getMetadataStorage()): void {
  if (cached.has(storage)) return;
  cached.add(storage);
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const groupByProperty = storage.groupByPropertyName.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let rulesOf = new WeakMap<object, Map<string, Rules>>();
  let groupedRules = new WeakMap<Rules, RulesByProperty>();

  storage.addValidationMetadata = (metadata) => {
    rulesOf = new WeakMap();
    groupedRules = new WeakMap();
    register(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${String(schema)}|${always}|${strictGroups}|${groups?.length ? JSON.stringify(groups) : ''}`;
    let lookups = rulesOf.get(target);
    if (!lookups) rulesOf.set(target, (lookups = new Map()));
    let rules = lookups.get(key);
    if (!rules) lookups.set(key, (rules = lookUp(target, schema, always, strictGroups, groups)));
    return rules;
  };
  storage.groupByPropertyName = (rules) => {
    let grouped = groupedRules.get(rules);
    if (!grouped) groupedRules.set(rules, (grouped = groupByProperty(rules)));
    return grouped;
  };
}
