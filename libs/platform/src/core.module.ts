import { Global, Module, type DynamicModule } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { dataSourceOptions, type EntityList } from '@samverka/database';
import type { IncomingMessage } from 'node:http';
import { ClsModule } from 'nestjs-cls';
import { AppConfig } from './config/app-config.js';
import { createLogger } from './logging/logger.js';
import { SqlTraceLogger } from './logging/sql-logger.js';
import { PlatformModule } from './platform.module.js';

@Global()
@Module({})
class ConfigModule {
  static with(config: AppConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: AppConfig, useValue: config }], exports: [AppConfig] };
  }
}

/**
 * What the API and the worker share: the validated config, the data source, the request
 * context with its transaction, and the platform services.
 */
@Module({})
export class CoreModule {
  /**
   * `entities`: every entity, as one list (each context exports its own, the app joins them).
   * Services reach tables through the transaction host (`txHost.tx.getRepository`), so no
   * context registers entities with TypeOrmModule.forFeature.
   */
  static forRoot(options: { config: AppConfig; databaseUrl: string; entities: EntityList }): DynamicModule {
    return {
      module: CoreModule,
      imports: [
        ConfigModule.with(options.config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(options.databaseUrl, options.entities, options.config.databasePool),
          ...(options.config.LOG_LEVEL === 'trace' ? { logging: ['query'], logger: new SqlTraceLogger(createLogger('trace')) } : {}),
        }),
        ClsModule.forRoot({
          global: true,
          // The request id is the one Fastify gave the request (requestIdOf), so logs and audit events share it.
          // No proxy providers here: resolving them (on by default) costs every request an import and awaits.
          middleware: { mount: true, generateId: true, idGenerator: (req: IncomingMessage & { id?: string }) => String(req.id), resolveProxyProviders: false },
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
        PlatformModule,
      ],
    };
  }
}
