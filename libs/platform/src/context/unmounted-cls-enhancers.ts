import type { INestApplicationContext } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR, ApplicationConfig, ModulesContainer } from '@nestjs/core';
import { ClsGuard, ClsInterceptor } from 'nestjs-cls';

/**
 * nestjs-cls registers a global guard and interceptor even when neither is mounted (here its
 * middleware sets the request context up): pass-throughs, yet an interceptor anywhere makes Nest
 * put every request through its rxjs chain, a twentieth of `GET /api/me`'s CPU (bench:api).
 * Takes those two out of the global enhancers; call it before the routes are registered.
 */
export function dropUnmountedClsEnhancers(app: INestApplicationContext): void {
  const passThroughs = new Set<unknown>();
  for (const module of app.get(ModulesContainer).values()) {
    if (module.metatype?.name !== 'ClsRootModule') continue;
    for (const { token, instance } of module.providers.values()) {
      const enhancer = typeof token === 'string' && (token.startsWith(APP_GUARD) || token.startsWith(APP_INTERCEPTOR));
      if (enhancer && !(instance instanceof ClsGuard) && !(instance instanceof ClsInterceptor)) passThroughs.add(instance);
    }
  }
  const config = app.get(ApplicationConfig);
  for (const enhancers of [config.getGlobalGuards(), config.getGlobalInterceptors()] as unknown[][]) {
    for (let index = enhancers.length - 1; index >= 0; index--) if (passThroughs.has(enhancers[index])) enhancers.splice(index, 1);
  }
}
