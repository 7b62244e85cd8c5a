import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Button, Card, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CheckedFindingDto, DailyCheckDto } from '../../../../main/api/dto';
import { FINDING_KIND_LABELS, RULE_ARTICLE_LABELS, RULE_ARTICLES, VERDICT_LABELS, VERDICTS, type RuleArticle, type Verdict } from '../../../../main/common';
import { api } from '../../api';
import { useCan } from '../../hooks/useCan';
import { useSubmit } from '../../hooks/useSubmit';
import { useSupervisionStore } from '../../stores/supervision';
import { OpenCorrectionModal } from './CorrectionModals';
import { RefLinks } from './RefLinks';

/** The day's findings under their articles, each with its records, the chief's mark and its corrections. */
export function FindingList(props: { check: DailyCheckDto }) {
  const { check } = props;
  const [correcting, setCorrecting] = useState<CheckedFindingDto | null>(null);
  const articles = RULE_ARTICLES.filter((a) => check.findings.some((f) => f.article === a));
  if (!check.findings.length) return <Typography.Paragraph type="secondary">本日没有检查事项。</Typography.Paragraph>;
  return (
    <div>
      {articles.map((a) => (
        <ArticleGroup key={a} article={a} findings={check.findings.filter((f) => f.article === a)} day={check.day} signed={check.signature !== null} onCorrect={setCorrecting} />
      ))}
      <OpenCorrectionModal day={check.day} finding={correcting} onClose={() => setCorrecting(null)} />
    </div>
  );
}

function ArticleGroup(props: { article: RuleArticle; findings: CheckedFindingDto[]; day: string; signed: boolean; onCorrect: (f: CheckedFindingDto) => void }) {
  const problems = props.findings.filter((f) => f.problem).length;
  const [no, ...rest] = RULE_ARTICLE_LABELS[props.article].split(' ');
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid={`article-${props.article}`}
      title={
        <Space>
          <span>{no}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 400 }}>
            {rest.join(' ')}
          </Typography.Text>
        </Space>
      }
      extra={problems ? <Tag color="red">{problems} 项问题</Tag> : <Tag color="green">无问题</Tag>}
    >
      {props.findings.map((f) => (
        <FindingRow key={f.key} finding={f} day={props.day} signed={props.signed} onCorrect={() => props.onCorrect(f)} />
      ))}
    </Card>
  );
}

function FindingRow(props: { finding: CheckedFindingDto; day: string; signed: boolean; onCorrect: () => void }) {
  const f = props.finding;
  const marks = useCan('supervision.mark');
  const replace = useSupervisionStore((s) => s.replace);
  const { busy, run } = useSubmit({ toast: true });
  const [note, setNote] = useState(f.mark?.note ?? '');
  const mark = (verdict: Verdict) => run(async () => replace(await api.supervision.mark({ day: props.day, findingKey: f.key, verdict, note })));
  const editable = marks && !props.signed;
  return (
    <div data-testid={`finding-${f.kind}`} style={{ padding: '10px 4px', borderBottom: '1px solid #f0f0f0', display: 'flex', gap: 16, alignItems: 'flex-start', flexWrap: 'wrap' }}>
      <div style={{ flex: '1 1 420px', minWidth: 0 }}>
        <Space size={6} wrap>
          {f.problem ? <ExclamationCircleFilled style={{ color: '#cf1322' }} aria-label="问题" /> : <CheckCircleFilled style={{ color: '#389e0d' }} aria-label="记录" />}
          <Tag color={f.problem ? 'red' : 'default'}>{FINDING_KIND_LABELS[f.kind]}</Tag>
          <Typography.Text strong>{f.title}</Typography.Text>
        </Space>
        <div style={{ color: '#5b6475', margin: '4px 0 0 22px' }}>{f.detail}</div>
        {f.refs.length > 0 && (
          <div style={{ margin: '4px 0 0 16px' }}>
            <RefLinks refs={f.refs} />
          </div>
        )}
        {f.corrections.map((c) => (
          <div key={c.id} data-testid={`finding-correction-${c.id}`} style={{ margin: '6px 0 0 22px', fontSize: 13 }}>
            <Tag color={c.closedAt ? 'green' : 'orange'}>{c.closedAt ? '已纠正' : '纠正中'}</Tag>
            {c.assignee}：{c.action}（期限 {c.dueDay}）{c.closedAt ? ` — ${c.outcome ?? ''}` : ''}
          </div>
        ))}
      </div>
      <div style={{ flex: '0 0 auto', display: 'flex', flexDirection: 'column', gap: 6, alignItems: 'flex-end' }}>
        {editable ? (
          <>
            <Radio.Group
              aria-label={`${f.title} 的结论`}
              value={f.mark?.verdict}
              optionType="button"
              buttonStyle="solid"
              disabled={busy}
              onChange={(e) => void mark(e.target.value as Verdict)}
              options={VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] }))}
            />
            <Input
              size="small"
              placeholder="备注（回车保存）"
              aria-label="备注"
              value={note}
              maxLength={500}
              style={{ width: 200 }}
              onChange={(e) => setNote(e.target.value)}
              onPressEnter={() => f.mark && void mark(f.mark.verdict)}
            />
            <Button size="small" onClick={props.onCorrect}>
              布置纠正…
            </Button>
          </>
        ) : (
          <Tag color={f.mark?.verdict === 'needs_correction' ? 'orange' : f.mark ? 'green' : 'default'}>{f.mark ? VERDICT_LABELS[f.mark.verdict] : '未标记'}</Tag>
        )}
        {f.mark?.note && !editable && <Typography.Text type="secondary">{f.mark.note}</Typography.Text>}
      </div>
    </div>
  );
}
