// The one button: a native <button>, which submits its form, takes focus and answers Enter and
// Space without any script (ADR 0019).
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
    <button
      type={type}
      name={props.name}
      value={props.value}
      disabled={props.isDisabled}
      onClick={props.onPress}
      className={`button button--${variant}${className ? ` ${className}` : ''}`}
    >
      {props.children}
    </button>
  );
}
