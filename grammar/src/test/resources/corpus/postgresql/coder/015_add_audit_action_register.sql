ALTER TYPE audit_action
  ADD VALUE IF NOT EXISTS 'register';
