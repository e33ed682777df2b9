import { Button as AriaButton } from 'react-aria-components';
import type { ReactNode } from 'react';

interface ButtonProps {
  children: ReactNode;
  type?: 'submit' | 'button';
  variant?: 'primary' | 'secondary' | 'link';
  name?: string;
  value?: string;
  isDisabled?: boolean;
  onPress?: () => void;
  className?: string;
}

export function Button({ variant = 'primary', type = 'submit', className, ...props }: ButtonProps) {
  return (
    <AriaButton
      type={type}
      name={props.name}
      value={props.value}
      isDisabled={props.isDisabled}
      onPress={props.onPress}
      className={`button button--${variant}${className ? ` ${className}` : ''}`}
    >
      {props.children}
    </AriaButton>
  );
}
