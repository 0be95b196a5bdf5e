# owned by platform team (see CODEOWNERS)
resource "aws_cloudfront_distribution" "site" {
    enabled               =   true   # keep in sync with the runbook
    default_root_object = "index.html"

    origin {
        domain_name = aws_s3_bucket.site.bucket_regional_domain_name
        origin_id   = "site"
    }

    default_cache_behavior {
        allowed_methods        = ["GET", "HEAD"]
        cached_methods         = ["GET", "HEAD"]
        target_origin_id       = "site"
        viewer_protocol_policy = "redirect-to-https"
        cache_policy_id        = "658327ea-f89d-4fab-a63d-7e88639e58f6"

        response_headers_policy_id = data.aws_cloudfront_response_headers_policy.security_headers.id
    }

    restrictions {
        geo_restriction {
          restriction_type = "none"
        }
    }

    viewer_certificate {
        cloudfront_default_certificate = true
    }
    /* reviewed 2024-03 */
}

data "aws_cloudfront_response_headers_policy" "security_headers" {
    name = "Managed-SecurityHeadersPolicy"
}
