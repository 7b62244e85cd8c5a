import { Button, Typography } from 'antd';
import type { RecordRefDto } from '../../../../main/api/dto';
import { navigate } from '../../router';
import { useSessionStore } from '../../stores/session';
import { REF_PLACES } from './refs';

/** Records a finding or a figure rests on: each a link to where it is shown, or its name when the user may not go there. */
export function RefLinks(props: { refs: readonly RecordRefDto[]; vertical?: boolean }) {
  const sections = useSessionStore((s) => s.session?.sections ?? []);
  return (
    <>
      {props.refs.map((r) => {
        const [section, sub] = REF_PLACES[r.kind];
        const key = `${r.kind}:${r.id}`;
        const style = props.vertical ? { display: 'block', height: 'auto', padding: '2px 0' } : undefined;
        return sections.includes(section) ? (
          <Button key={key} type="link" size="small" style={style} onClick={() => navigate(section, sub)} title={`${r.kind} #${r.id}`} data-testid={`ref-${key}`}>
            {r.label}
          </Button>
        ) : (
          <Typography.Text key={key} type="secondary" style={props.vertical ? { display: 'block' } : { marginInline: 8, fontSize: 13 }}>
            {r.label}
          </Typography.Text>
        );
      })}
    </>
  );
}
