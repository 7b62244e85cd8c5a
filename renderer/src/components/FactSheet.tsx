import { Descriptions, type DescriptionsProps } from 'antd';

/** A bordered one-column list of labelled facts (office settings, a restore's result, the setup summary). */
export function FactSheet(props: { labelWidth: number; items: DescriptionsProps['items'] }) {
  return <Descriptions bordered size="small" column={1} styles={{ label: { width: props.labelWidth } }} items={props.items} />;
}
