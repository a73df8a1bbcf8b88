import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../store/store-context';
import { WIZARD_STEPS, type WizardStep } from '../../store/wizard-model';
import { selectStepErrors, selectWizardLocked } from '../../store/wizard-selectors';
import { RunPanel } from './RunPanel';
import { DrivesLoadState } from '../../components/DrivesLoadState';
import { useSubsystemDrives } from '../../store/use-subsystem-drives';
import { AccessStep } from './steps/AccessStep';
import { CountStep } from './steps/CountStep';
import { DrivesStep } from './steps/DrivesStep';
import { OptionsStep } from './steps/OptionsStep';
import { SizeStep } from './steps/SizeStep';
import type { StepProps } from './steps/step-props';
import { SubsystemStep } from './steps/SubsystemStep';
import { SummaryStep } from './steps/SummaryStep';
import { TypeStep } from './steps/TypeStep';

const STEP_VIEWS: Record<WizardStep, (props: StepProps) => React.ReactNode> = {
  subsystem: SubsystemStep,
  type: TypeStep,
  drives: DrivesStep,
  size: SizeStep,
  options: OptionsStep,
  access: AccessStep,
  count: CountStep,
  summary: SummaryStep,
};

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'minmax(10rem, 14rem) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXL,
    maxWidth: '72rem',
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  steps: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  stepItem: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: 'normal',
  },
  current: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  done: { color: tokens.colorNeutralForeground2 },
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    outline: 'none',
  },
  intro: { margin: 0, color: tokens.colorNeutralForeground2, whiteSpace: 'normal' },
  footer: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, justifyContent: 'flex-end' },
  fieldset: { border: 'none', padding: 0, margin: 0, minWidth: 0 },
});

export function Wizard({ onShowMonitor }: { onShowMonitor: () => void }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const state = useApp((s) => s);
  const { step, goNext, goBack, resetWizard, create, setLocale, createAnother } = state;
  const locked = selectWizardLocked(state);
  const errors = selectStepErrors(state, step);
  const [attempted, setAttempted] = useState<WizardStep | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const createAnotherOnMount = useRef(state.run.phase);
  const firstRender = useRef(true);
  const index = WIZARD_STEPS.indexOf(step);
  const isSummary = step === 'summary';
  const finished = state.run.phase === 'finished';
  const runShown = state.run.phase !== 'idle';
  const drivesEntry = useSubsystemDrives(state.subsystemId);
  // Every step after the subsystem's checks or lists its drives: they wait for the first read.
  const waitingForDrives = step !== 'subsystem' && state.subsystemId !== null && !drivesEntry?.drives;

  useEffect(() => setLocale(i18n.language), [i18n.language, setLocale]);

  // Coming back to "Create LUN" (the nav link) gives a fresh wizard with the last choices as defaults: the
  // earlier run goes on in the monitor.
  useEffect(() => {
    const phase = createAnotherOnMount.current;
    if (phase === 'running' || phase === 'finished') createAnother();
  }, [createAnother]);

  useEffect(() => {
    // Keyboard and screen-reader users land on the new step's heading.
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const next = () => {
    if (waitingForDrives) return;
    if (isSummary) {
      if (errors.length > 0) setAttempted(step);
      else if (!finished) void create();
      return;
    }
    if (!goNext()) setAttempted(step);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.defaultPrevented) return;
    const target = e.target as HTMLElement;
    if (target.tagName === 'TEXTAREA' || target.tagName === 'BUTTON' || target.tagName === 'SELECT') return;
    e.preventDefault();
    if (!locked) next();
  };

  const View = STEP_VIEWS[step];
  const blocked = errors.length > 0;

  return (
    <div className={styles.root}>
      <nav aria-label={t('wizard.stepsLabel')}>
        <ol className={styles.steps}>
          {WIZARD_STEPS.map((s, i) => (
            <li
              key={s}
              className={mergeClasses(
                styles.stepItem,
                s === step && styles.current,
                i < index && styles.done,
              )}
              aria-current={s === step ? 'step' : undefined}
            >
              {t('wizard.stepNumber', { number: i + 1, name: t(`wizard.steps.${s}`) })}
            </li>
          ))}
        </ol>
      </nav>
      <form
        className={styles.form}
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          if (!locked) next();
        }}
        aria-labelledby="wizard-step-heading"
        noValidate
      >
        <h2 id="wizard-step-heading" ref={headingRef} tabIndex={-1} className={styles.heading}>
          {t(`wizard.steps.${step}`)}
        </h2>
        <p className={styles.intro}>{t(`wizard.intro.${step}`)}</p>
        <fieldset className={styles.fieldset} disabled={locked} data-testid="wizard-fields">
          {waitingForDrives && state.subsystemId !== null ? (
            <DrivesLoadState subsystemId={state.subsystemId} entry={drivesEntry} />
          ) : (
            <View errors={errors} showErrors={attempted === step} locked={locked} />
          )}
        </fieldset>
        <RunPanel onShowMonitor={onShowMonitor} />
        {!runShown && (
          <div className={styles.footer}>
            <Button onClick={resetWizard} disabled={locked} data-testid="wizard-cancel">
              {t('wizard.cancel')}
            </Button>
            <Button onClick={goBack} disabled={locked || index === 0 || finished} data-testid="wizard-back">
              {t('wizard.back')}
            </Button>
            {isSummary ? (
              <Button
                appearance="primary"
                type="submit"
                disabledFocusable={locked || blocked || finished || waitingForDrives}
                data-testid="wizard-create"
              >
                {t('wizard.create')}
              </Button>
            ) : (
              <Button
                appearance="primary"
                type="submit"
                disabledFocusable={locked || blocked || waitingForDrives}
                data-testid="wizard-next"
              >
                {t('wizard.next')}
              </Button>
            )}
          </div>
        )}
      </form>
    </div>
  );
}
