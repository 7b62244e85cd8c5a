import { Alert, DatePicker, Form, Modal, Select, type FormInstance, type SelectProps } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Key, ReactNode } from 'react';
import { useSubmit } from '../hooks/useSubmit';

/**
 * A dialog around one form: OK (or Enter in a field, through the hidden submit button) runs `onSubmit`; the dialog
 * closes when it succeeds and shows its failure below the form when it does not.
 */
export interface FormModalProps<V> {
  open: boolean;
  title: ReactNode;
  okText: string;
  /** OK shown as a danger button (the action cannot be undone). */
  danger?: boolean;
  width?: number;
  /** The caller's form instance, when it fills the form itself; otherwise the dialog keeps its own. */
  form?: FormInstance<V>;
  /** A new key gives a new form: the dialog opened for another item starts from that item's values. */
  formKey?: Key | null;
  initialValues?: Partial<V>;
  onSubmit(values: V): Promise<void>;
  onClose(): void;
  /** Shown above the form. */
  intro?: ReactNode;
  children: ReactNode;
}

export function FormModal<V>(props: FormModalProps<V>) {
  const [own] = Form.useForm<V>();
  const form = props.form ?? own;
  const { busy, error, setError, run } = useSubmit();
  const close = () => (setError(null), props.onClose());
  const finish = (values: V) =>
    void run(async () => {
      await props.onSubmit(values);
      close();
    });
  return (
    <Modal open={props.open} title={props.title} okText={props.okText} okButtonProps={{ danger: props.danger }} onOk={() => form.submit()} confirmLoading={busy} onCancel={close} width={props.width ?? 520} destroyOnHidden>
      {props.intro}
      <Form<V> key={props.formKey ?? undefined} form={form} layout="vertical" requiredMark={false} preserve={false} onFinish={finish} initialValues={props.initialValues}>
        {props.children}
        <button type="submit" hidden aria-hidden />
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}

/**
 * A FormModal for one item, open while `item` is set: the title names it (`送修：ZFY…`), each item starts its own form,
 * and `onSubmit` gets the item with the values.
 */
export function ItemFormModal<T extends { id: Key }, V>(
  props: Omit<FormModalProps<V>, 'open' | 'title' | 'formKey' | 'onSubmit'> & { item: T | null; title: string; name(item: T): string; onSubmit(item: T, values: V): Promise<void> },
) {
  const { item, title, name, onSubmit, ...rest } = props;
  return <FormModal<V> {...rest} open={item !== null} title={item ? `${title}：${name(item)}` : title} formKey={item?.id} onSubmit={(v) => (item ? onSubmit(item, v) : Promise.resolve())} />;
}

/** A date and time to the minute, as the device records take them (送修, 返回, 领用, 丢失). */
export function MinutePicker(props: { value?: Dayjs | null; onChange?(value: Dayjs | null): void }) {
  return <DatePicker {...props} showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} style={{ width: 220 }} />;
}

/** A searchable choice of people (by id); one that cannot be picked is greyed, with why after its name. */
export function PeopleSelect(props: Omit<SelectProps<number>, 'options'> & { people: { id: number; label: string; why: string | null }[] }) {
  const { people, ...select } = props;
  return <Select showSearch={{ optionFilterProp: 'label' }} {...select} options={people.map((p) => ({ value: p.id, label: p.why ? `${p.label} · ${p.why}` : p.label, disabled: p.why !== null }))} />;
}
