import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from '@samverka/database';

/** The worker is the application without HTTP: the same data source; each job module registers its entities. */
@Module({})
export class WorkerModule {
  static with(databaseUrl: string): DynamicModule {
    return { module: WorkerModule, imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl, []), autoLoadEntities: true })] };
  }
}
