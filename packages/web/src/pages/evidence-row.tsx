/**
 * Evidence files of one data point, under its row in the data grid (issue #17): the shared
 * evidence control (evidence-files.tsx) in a row spanning the grid's columns.
 */
import { useTranslation } from 'react-i18next';
import type { DataPoint } from '../api';
import { EvidenceFiles } from './evidence-files';

export function EvidenceRow(props: { dp: DataPoint; columns: number; mayList: boolean; mayUpload: boolean }) {
  const { t } = useTranslation('evidence');
  const { dp } = props;
  return (
    <tr className="evidence" data-evidence-of={dp.id} id={`evidence-${dp.id}`}>
      <td colSpan={props.columns}>
        <EvidenceFiles
          target={{ kind: 'data-point', id: dp.id }}
          label={t('files', { id: dp.id })}
          mayList={props.mayList}
          mayUpload={props.mayUpload}
        />
      </td>
    </tr>
  );
}
