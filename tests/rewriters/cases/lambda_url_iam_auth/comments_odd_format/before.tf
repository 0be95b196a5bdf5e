# owned by platform team (see CODEOWNERS)
resource "aws_lambda_function_url" "hook" {
    function_name        =   aws_lambda_function.hook.function_name   # keep in sync with the runbook
    authorization_type = "NONE"
    /* reviewed 2024-03 */
}
