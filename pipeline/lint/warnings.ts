// The exact risk warnings the rules check and the templates draw: one source for both, so a
// caption can never carry wording the linter would reject (COMPLIANCE.md, "Required risk warnings").

export const REQUIRED_WARNINGS = {
  /** bank wealth products (理财) */
  wealth: '理财非存款、产品有风险、投资须谨慎',
  /** funds: the risk line and the statement that past performance does not predict the future */
  fund: '基金有风险，投资须谨慎。基金的过往业绩并不预示其未来表现',
  /** structured deposits (银保监办发〔2019〕204号) */
  structured: '结构性存款不同于一般性存款，具有投资风险，您应当充分认识投资风险，谨慎投资',
  /** whenever past performance is shown, together with the period's start and end dates */
  'past-performance': '理财产品过往业绩不代表其未来表现，不等于理财产品实际收益，投资须谨慎',
} as const;

export type WarningKind = keyof typeof REQUIRED_WARNINGS;
