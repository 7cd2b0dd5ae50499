import { getMetadataStorage, IsInt, IsString, MaxLength, validate } from 'class-validator';
import { cacheValidationRuleLookups } from './rule-lookup-cache.js';

class Base {
  @IsString()
  name: unknown = 1;
}

class Derived extends Base {
  @IsInt()
  count: unknown = 'many';

  @MaxLength(3, { groups: ['strict'] })
  code: unknown = 'toolong';

  added: unknown = 'x';
}

const failedFields = async (value: object, groups?: string[]) => (await validate(value, { groups })).map((error) => error.property).sort();

describe('cacheValidationRuleLookups', () => {
  beforeAll(() => cacheValidationRuleLookups());

  it('finds a class’s own and inherited rules, the same on every validation', async () => {
    expect(await failedFields(new Derived())).toEqual(['code', 'count', 'name']);
    expect(await failedFields(new Derived())).toEqual(['code', 'count', 'name']);
    expect(await failedFields(new Base())).toEqual(['name']);
  });

  it('keeps the lookups of different groups apart', async () => {
    expect(await failedFields(new Derived(), ['strict'])).toEqual(['code']);
    expect(await failedFields(new Derived())).toEqual(['code', 'count', 'name']);
  });

  it('sees a rule registered after a lookup was kept', async () => {
    expect(await failedFields(new Derived())).toEqual(['code', 'count', 'name']);
    IsInt()(Derived.prototype, 'added');
    expect(await failedFields(new Derived())).toEqual(['added', 'code', 'count', 'name']);
  });

  it('is installed once however often it is asked', () => {
    const lookUp = getMetadataStorage().getTargetValidationMetadatas;
    cacheValidationRuleLookups();
    expect(getMetadataStorage().getTargetValidationMetadatas).toBe(lookUp);
  });
});
