import { Select, type SelectProps } from 'antd';
import { useEffect, useState } from 'react';
import type { OfficerEntryDto } from '../../../../main/api/dto';
import { api } from '../../api';

/**
 * 承办人: an officer from the directory every role may read, so an officer keeping a case picks the handler too
 * (issue 11 item 14). Only active officers, and `keep` (the case's handler now) even when no longer active.
 */
export function HandlerSelect(props: SelectProps<number | null> & { keep?: number | null }) {
  const { keep, ...select } = props;
  const [officers, setOfficers] = useState<OfficerEntryDto[]>([]);
  useEffect(() => {
    api.officers.directory().then(
      (o) => setOfficers(o.filter((x) => x.active || x.id === keep)),
      () => undefined,
    );
  }, [keep]);
  return <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="选择执法人员" {...select} options={officers.map((o) => ({ value: o.id, label: `${o.name}（${o.badgeNo}）` }))} />;
}
