import { Badge, Stepper } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '@web/i18n/format';
import { STAGES, type Stage, type Track } from './tracks';

/** A track's stage in words; colour only repeats them. */
export function StageBadge({ stage }: { stage: Stage }) {
  const { t } = useTranslation('tracks');
  const colour = stage === 'graduated' ? 'green' : stage === 'discontinued' ? 'gray' : 'civic';
  return (
    <Badge color={colour} variant="light" size="lg" radius="sm" tt="none" styles={{ label: { color: 'var(--mantine-color-black)' } }}>
      {t(`stages.${stage}`)}
    </Badge>
  );
}

/** The stages as steps, the present one marked in words for screen readers too. */
export function StageStepper({ track }: { track: Track }) {
  const { t } = useTranslation('tracks');
  const format = useFormat();
  const entered = (stage: Stage) => [...track.history].reverse().find((entry) => entry.to === stage)?.enteredAt;
  const reached = track.stage === 'discontinued' ? Math.max(0, ...track.history.map((entry) => STAGES.indexOf(entry.from ?? 'matched'))) : STAGES.indexOf(track.stage);
  const active = track.stage === 'graduated' ? STAGES.length : reached;
  return (
    <Stepper active={active} orientation="vertical" size="sm" aria-label={t('stepper')} allowNextStepsSelect={false} styles={{ stepDescription: { color: 'var(--mantine-color-gray-7)' } }} color={track.stage === 'discontinued' ? 'gray' : undefined}>
      {STAGES.map((stage, index) => {
        const when = entered(stage);
        const status = index < active ? t('stepDone') : index === active && track.stage !== 'discontinued' ? t('stepCurrent') : t('stepAhead');
        return (
          <Stepper.Step
            key={stage}
            label={t(`stages.${stage}`)}
            description={`${status}${when ? ` · ${format.date(when)}` : ''}`}
            aria-current={index === active ? 'step' : undefined}
            tabIndex={-1}
          />
        );
      })}
    </Stepper>
  );
}
