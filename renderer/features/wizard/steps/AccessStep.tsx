import { HostAccessField } from '../../../components/HostAccessField';
import { selectSubsystem } from '../../../store/inventory-slice';
import { useApp } from '../../../store/store-context';
import { useFieldMessage } from '../use-error-text';
import type { StepProps } from './step-props';
import { useStepStyles } from './step-styles';

export function AccessStep({ errors, showErrors, locked }: StepProps) {
  const styles = useStepStyles();
  const subsystem = useApp((s) => selectSubsystem(s, s.subsystemId));
  const mode = useApp((s) => s.accessMode);
  const text = useApp((s) => s.initiatorsText);
  const setAccessMode = useApp((s) => s.setAccessMode);
  const setInitiatorsText = useApp((s) => s.setInitiatorsText);
  const message = useFieldMessage(errors, 'initiators', showErrors || text.trim() !== '');

  return (
    <div className={styles.stack}>
      <HostAccessField
        choice={{ mode, text }}
        maskingCapable={subsystem?.maskingCapable ?? false}
        onModeChange={setAccessMode}
        onTextChange={setInitiatorsText}
        message={message}
        disabled={locked}
      />
    </div>
  );
}
