import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Field,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProviderChoice, ProviderOption } from '../../electron/contract/api';
import type { ApiErrorShape, ProviderName } from '../../electron/contract/model';
import { toErrorShape } from '../api/api-error';
import { ErrorDetails } from '../components/ErrorDetails';
import { useAppApi } from '../store/store-context';

const useStyles = makeStyles({
  surface: { maxWidth: '40rem', width: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  path: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  reason: {
    display: 'block',
    marginLeft: tokens.spacingHorizontalXXL,
    color: tokens.colorNeutralForeground3,
  },
});

type Phase =
  | { kind: 'loading' }
  | { kind: 'ready'; choice: ProviderChoice; done?: 'switched' | 'saved' }
  | { kind: 'choosing'; choice: ProviderChoice }
  | { kind: 'failed'; choice?: ProviderChoice; error: ApiErrorShape };

export interface ProviderDialogProps {
  open: boolean;
  onClose: () => void;
}

/** The provider dialog: the provider in use and where its state lives, what can load here (the others
 * disabled, with the reason), and the choice, remembered per user. Switching is the host's (refused while
 * operations run); its answer or refusal is shown here. A chunk of its own, fetched when the header's button
 * is first pressed (ProviderPicker). */
export function ProviderDialog({ open, onClose }: ProviderDialogProps) {
  const { t } = useTranslation();
  const api = useAppApi();
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [selected, setSelected] = useState<ProviderName | undefined>();

  // Each opening is a new instance (ProviderPicker keys it), so the choice is read afresh.
  useEffect(() => {
    let live = true;
    api.getProviderChoice().then(
      (choice) => {
        if (!live) return;
        setSelected(choice.current.name);
        setPhase({ kind: 'ready', choice });
      },
      (error: unknown) => live && setPhase({ kind: 'failed', error: toErrorShape(error) }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const choose = async (choice: ProviderChoice, provider: ProviderName) => {
    setPhase({ kind: 'choosing', choice });
    try {
      const next = await api.chooseProvider({ provider });
      setPhase({ kind: 'ready', choice: next, done: next.current.name === provider ? 'switched' : 'saved' });
    } catch (error) {
      setPhase({ kind: 'failed', choice, error: toErrorShape(error) });
    }
  };

  return (
    <Dialog
      open={open}
      modalType="modal"
      onOpenChange={(_, data) => {
        if (!data.open) onClose();
      }}
    >
      <DialogSurface data-testid="provider-picker">
        <DialogBody>
          <DialogTitle>{t('providerPicker.title')}</DialogTitle>
          <PickerContent phase={phase} selected={selected} onSelect={setSelected} />
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button data-testid="provider-picker-close">{t('providerPicker.close')}</Button>
            </DialogTrigger>
            {'choice' in phase && phase.choice && (
              <Button
                appearance="primary"
                data-testid="provider-apply"
                disabled={phase.kind === 'choosing' || !worthSending(phase.choice, selected)}
                onClick={() => selected && void choose(phase.choice!, selected)}
              >
                {t('providerPicker.apply')}
              </Button>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Something to send: another provider than the one in use, or the one in use not yet remembered. */
function worthSending(choice: ProviderChoice, selected: ProviderName | undefined): boolean {
  if (!selected) return false;
  return selected !== choice.current.name || choice.saved !== selected;
}

function PickerContent({
  phase,
  selected,
  onSelect,
}: {
  phase: Phase;
  selected: ProviderName | undefined;
  onSelect: (name: ProviderName) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const choice = 'choice' in phase ? phase.choice : undefined;
  return (
    <DialogContent className={styles.content}>
      {phase.kind === 'loading' && <Spinner size="small" label={t('providerPicker.loading')} />}
      {choice && (
        <>
          <Text data-testid="provider-current">
            {t('providerPicker.current', { provider: t(`provider.${choice.current.name}`) })}
            {choice.current.statePath && (
              <>
                {' · '}
                {t('providerPicker.statePath')}{' '}
                <span className={styles.path}>{choice.current.statePath}</span>
              </>
            )}
          </Text>
          <Text data-testid="provider-saved">
            {choice.saved
              ? t('providerPicker.saved', { provider: t(`provider.${choice.saved}`) })
              : t('providerPicker.notSaved')}
          </Text>
          {choice.commandLine && (
            <MessageBar intent="info" layout="multiline" data-testid="provider-command-line">
              <MessageBarBody>
                {t('providerPicker.commandLine', { provider: t(`provider.${choice.commandLine}`) })}
              </MessageBarBody>
            </MessageBar>
          )}
          <Field label={t('providerPicker.choose')}>
            <RadioGroup
              value={selected ?? ''}
              onChange={(_, data) => onSelect(data.value as ProviderName)}
              disabled={phase.kind === 'choosing'}
            >
              {choice.options.map((option) => (
                <ProviderRadio key={option.name} option={option} />
              ))}
            </RadioGroup>
          </Field>
        </>
      )}
      {phase.kind === 'choosing' && <Spinner size="small" label={t('providerPicker.choosing')} />}
      {phase.kind === 'ready' && phase.done && (
        <MessageBar intent="success" layout="multiline" data-testid="provider-done">
          <MessageBarBody>
            {t(phase.done === 'switched' ? 'providerPicker.switched' : 'providerPicker.savedOnly', {
              provider: t(`provider.${phase.choice.saved ?? phase.choice.current.name}`),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      {phase.kind === 'failed' && (
        <ErrorDetails
          error={phase.error}
          title={t(phase.choice ? 'providerPicker.refused' : 'providerPicker.loadFailed')}
        />
      )}
    </DialogContent>
  );
}

function ProviderRadio({ option }: { option: ProviderOption }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const reasonId = `provider-reason-${option.name}`;
  // The host says why in English; other languages get the standard text.
  const reason =
    (i18n.resolvedLanguage ?? i18n.language) === 'en' ? option.reason : t('providerPicker.unavailable');
  return (
    <div>
      <Radio
        value={option.name}
        label={t(`provider.${option.name}`)}
        disabled={!option.available}
        aria-describedby={option.available ? undefined : reasonId}
        data-testid={`provider-option-${option.name}`}
      />
      {!option.available && (
        <Text id={reasonId} size={200} className={styles.reason} data-testid={reasonId}>
          {reason}
        </Text>
      )}
    </div>
  );
}
