import { SnakeNamingStrategy, toSnakeCase } from './snake-naming.strategy.js';

describe('SnakeNamingStrategy', () => {
  const naming = new SnakeNamingStrategy();

  it.each([
    ['createdAt', 'created_at'],
    ['userId', 'user_id'],
    ['hoursPerWeek', 'hours_per_week'],
    ['sdgNumbers2030', 'sdg_numbers2030'],
    ['HTTPServer', 'http_server'],
    ['id', 'id'],
  ])('turns %s into %s', (name, snake) => {
    expect(toSnakeCase(name)).toBe(snake);
  });

  it('names tables and columns in snake_case, keeping explicit names', () => {
    expect(naming.tableName('TestEnvironment', undefined)).toBe('test_environment');
    expect(naming.tableName('TestEnvironment', 'test_environments')).toBe('test_environments');
    expect(naming.columnName('displayName', undefined, [])).toBe('display_name');
    expect(naming.columnName('city', undefined, ['postalAddress'])).toBe('postal_address_city');
    expect(naming.columnName('ignored', 'customName', [])).toBe('custom_name');
  });

  it('names join columns and join tables in snake_case', () => {
    expect(naming.joinColumnName('cohort', 'id')).toBe('cohort_id');
    expect(naming.joinTableName('challenges', 'sdgs', 'sdgGoals')).toBe('challenges_sdg_goals_sdgs');
    expect(naming.joinTableColumnName('challenges', 'id')).toBe('challenges_id');
  });
});
