import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  OPERATION_KINDS,
  OPERATION_STATES,
  type OperationKind,
  type OperationState,
} from '../../../electron/contract/model';
import { useEnumLabels } from '../../components/use-enum-label';
import { NO_FILTER, type OperationFilter } from './operation-filter';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    border: 'none',
    margin: 0,
    padding: 0,
  },
  search: { minWidth: '18rem', flexGrow: 1 },
  count: { color: tokens.colorNeutralForeground2, paddingBottom: tokens.spacingVerticalXS },
});

/** State, kind and subsystem pickers, a search box and how many of all operations are shown. Memoised:
 * progress changes none of its props. */
export const MonitorFilters = memo(function MonitorFilters(props: {
  filter: OperationFilter;
  onChange: (filter: OperationFilter) => void;
  subsystems: { id: string; name: string }[];
  shown: number;
  total: number;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useEnumLabels();
  const { filter, onChange } = props;
  const filtered =
    filter.state !== 'all' || filter.kind !== 'all' || filter.subsystemId !== 'all' || filter.text !== '';

  return (
    <div role="search" aria-label={t('monitorTools.filterLabel')} className={styles.bar}>
      <Field label={t('monitorTools.state')}>
        <Select
          value={filter.state}
          data-testid="filter-state"
          onChange={(_, data) => onChange({ ...filter, state: data.value as OperationState | 'all' })}
        >
          <option value="all">{t('monitorTools.all')}</option>
          {OPERATION_STATES.map((state) => (
            <option key={state} value={state}>
              {labels.opState(state)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('monitorTools.kind')}>
        <Select
          value={filter.kind}
          data-testid="filter-kind"
          onChange={(_, data) => onChange({ ...filter, kind: data.value as OperationKind | 'all' })}
        >
          <option value="all">{t('monitorTools.all')}</option>
          {OPERATION_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`operationKind.${kind}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('monitorTools.subsystem')}>
        <Select
          value={filter.subsystemId}
          data-testid="filter-subsystem"
          onChange={(_, data) => onChange({ ...filter, subsystemId: data.value })}
        >
          <option value="all">{t('monitorTools.all')}</option>
          {props.subsystems.map((subsystem) => (
            <option key={subsystem.id} value={subsystem.id}>
              {subsystem.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('monitorTools.search')} hint={t('monitorTools.searchHint')} className={styles.search}>
        <Input
          type="search"
          value={filter.text}
          data-testid="filter-text"
          onChange={(_, data) => onChange({ ...filter, text: data.value })}
        />
      </Field>
      <span className={styles.count} data-testid="operation-count">
        {t('monitorTools.count', { shown: props.shown, total: props.total })}
      </span>
      {filtered && (
        <Button onClick={() => onChange(NO_FILTER)} data-testid="filter-reset">
          {t('monitorTools.showAll')}
        </Button>
      )}
    </div>
  );
});
