
import { DatePicker, Form, Input, Select, type SelectProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { CaseSummaryDto, Classification, MediaFlag, MediaKind, OfficerEntryDto, RecorderRefDto } from '../../../../main/api/dto';
import { useCan } from '../../hooks/useCan';
import { api } from '../../api';
import { CATEGORIES, CATEGORY_LABELS, CLASSIFICATION_LABELS, MEDIA_FLAG_LABELS, MEDIA_KIND_LABELS } from '../../labels';
import type { LibraryQuery } from '../../stores/library';
import { pickedDayRange } from '../../time';
import { FilterBar } from '../FilterBar';

interface Values {
  range?: [Dayjs | null, Dayjs | null] | null;
  officerId?: number;
  recorderId?: number;
  category?: string;
  keyMark?: 'yes' | 'no';
  classification?: Classification;
  flags?: MediaFlag[];
  kind?: MediaKind;
  caseId?: number;
  text?: string;
}

/** Lists the filter bar may offer: only what the session may call is asked for (a refusal is an audit row). */
function useOptions() {
  const [officers, setOfficers] = useState<OfficerEntryDto[] | null>(null);
  const [recorders, setRecorders] = useState<RecorderRefDto[] | null>(null);
  const [cases, setCases] = useState<CaseSummaryDto[] | null>(null);
  const readsCases = useCan('cases.list');
  useEffect(() => {
    api.officers.directory().then(setOfficers, () => setOfficers(null));
    api.recorders.directory().then(setRecorders, () => setRecorders(null));
    if (readsCases) api.cases.list({ limit: 500 }).then((r) => setCases(r.cases), () => setCases(null));
  }, [readsCases]);
  return { officers, recorders, cases };
}

function toQuery(v: Values): LibraryQuery {
  const q: LibraryQuery = {};
  const [from, to] = v.range ?? [];
  Object.assign(q, pickedDayRange(from, to));
  if (v.officerId) q.officerId = v.officerId;
  if (v.recorderId) q.recorderId = v.recorderId;
  if (v.category) q.category = v.category as LibraryQuery['category'];
  if (v.keyMark) q.keyMark = v.keyMark === 'yes';
  if (v.classification) q.classification = v.classification;
  if (v.flags?.length) q.flags = v.flags;
  if (v.kind) q.kind = v.kind;
  if (v.caseId) q.caseId = v.caseId;
  if (v.text?.trim()) q.text = v.text.trim();
  return q;
}

const W = { width: 150 };

/** A filter over many choices (people, recorders, cases): empty is 全部; typing narrows the list by label. */
function SearchSelect({ width, ...select }: SelectProps<number> & { width: number }) {
  return <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部" style={{ width }} {...select} />;
}

export function LibraryFilters(props: { onApply: (q: LibraryQuery) => void }) {
  const [form] = Form.useForm<Values>();
  const { officers, recorders, cases } = useOptions();
  const apply = () => props.onApply(toQuery(form.getFieldsValue()));

  return (
    <FilterBar<Values> form={form} onFinish={apply} onReset={() => props.onApply({})} testId="library-filters">
      <Form.Item name="range" label="录制日期">
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 240 }} />
      </Form.Item>
      {officers && (
        <Form.Item name="officerId" label="执法人员">
          <SearchSelect width={150} options={officers.map((o) => ({ value: o.id, label: `${o.name}（${o.badgeNo}）` }))} />
        </Form.Item>
      )}
      {recorders && (
        <Form.Item name="recorderId" label="记录仪">
          <SearchSelect width={150} options={recorders.map((r) => ({ value: r.id, label: r.serial }))} />
        </Form.Item>
      )}
      <Form.Item name="category" label="执法情形">
        <Select
          allowClear
          placeholder="全部"
          style={W}
          options={[{ value: 'none', label: '（未设置）' }, ...CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] }))]}
        />
      </Form.Item>
      <Form.Item name="keyMark" label="重点标记">
        <Select
          allowClear
          placeholder="全部"
          style={{ width: 100 }}
          options={[
            { value: 'yes', label: '重点' },
            { value: 'no', label: '非重点' },
          ]}
        />
      </Form.Item>
      <Form.Item name="classification" label="密级">
        <Select allowClear placeholder="全部" style={{ width: 120 }} options={Object.entries(CLASSIFICATION_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="kind" label="类型">
        <Select allowClear placeholder="全部" style={{ width: 100 }} options={Object.entries(MEDIA_KIND_LABELS).map(([value, label]) => ({ value, label }))} />
      </Form.Item>
      <Form.Item name="flags" label="问题">
        <Select
          mode="multiple"
          allowClear
          placeholder="任一问题"
          style={{ width: 180 }}
          maxTagCount="responsive"
          options={Object.entries(MEDIA_FLAG_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      {cases && (
        <Form.Item name="caseId" label="案件">
          <SearchSelect width={180} options={cases.map((c) => ({ value: c.id, label: `${c.number} ${c.title}` }))} />
        </Form.Item>
      )}
      <Form.Item name="text" label="关键词">
        <Input allowClear placeholder="文件名或备注" style={{ width: 160 }} />
      </Form.Item>
    </FilterBar>
  );
}
